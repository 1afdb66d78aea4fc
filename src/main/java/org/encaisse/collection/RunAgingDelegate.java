package org.encaisse.collection;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.annotation.PreDestroy;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_RunAging of AgingRunProcess: the daily aging, at the time its timer says.
 *
 * <p>The run happens on a thread of its own while the job waits for it. On the job's thread, every
 * customer's transaction and engine call would join the job's single transaction and command context:
 * the whole day would be held in memory and commit (or roll back) at once. On its own thread each
 * customer commits as it goes, and a retried job (after a failure or a dead node) redoes only what is
 * missing, since a review opens no second case.
 */
@Component
class RunAgingDelegate implements JavaDelegate {

    private final AgingRun agingRun;
    private final CollectionCalendar calendar;
    private final ExecutorService outsideTheJob = Executors.newSingleThreadExecutor(work -> {
        Thread thread = new Thread(work, "aging-run");
        thread.setDaemon(true);
        return thread;
    });

    RunAgingDelegate(AgingRun agingRun, CollectionCalendar calendar) {
        this.agingRun = agingRun;
        this.calendar = calendar;
    }

    @Override
    public void execute(DelegateExecution execution) throws Exception {
        AgingRun.Result result;
        try {
            result = outsideTheJob.submit(() -> agingRun.run(calendar.today())).get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
        if (!result.failures().isEmpty()) {
            // The job fails and retries (then shows an incident in Cockpit); the customers done stay done.
            throw new AgingRunIncompleteException(result);
        }
        execution.setVariable("casesOpened", result.opened());
        execution.setVariable("casesJoined", result.joined());
    }

    @PreDestroy
    void stop() {
        outsideTheJob.shutdownNow();
    }
}
