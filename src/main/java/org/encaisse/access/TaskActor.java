package org.encaisse.access;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Who is completing a task: the logged-in user of Tasklist or the REST API, else the task's assignee; or, while
 * Encaisse answers a task on someone's behalf (the customer, from its portal page), that someone.
 */
@Component
public class TaskActor {

    private static final ThreadLocal<String> ON_BEHALF = new ThreadLocal<>();

    private final IdentityService identity;

    TaskActor(IdentityService identity) {
        this.identity = identity;
    }

    /** Runs {@code work}, in which a task completed is recorded as completed by {@code actor}. */
    public static void onBehalfOf(String actor, Runnable work) {
        String before = ON_BEHALF.get();
        ON_BEHALF.set(actor);
        try {
            work.run();
        } finally {
            if (before == null) {
                ON_BEHALF.remove();
            } else {
                ON_BEHALF.set(before);
            }
        }
    }

    public String of(DelegateTask task) {
        if (ON_BEHALF.get() != null) {
            return ON_BEHALF.get();
        }
        Authentication current = identity.getCurrentAuthentication();
        return current != null && current.getUserId() != null ? current.getUserId() : task.getAssignee();
    }
}
