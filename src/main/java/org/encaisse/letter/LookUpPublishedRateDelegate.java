package org.encaisse.letter;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_LookUpPublishedRate: what the ECB publishes, as a suggestion in the manager's form; never required. */
@Component
class LookUpPublishedRateDelegate implements JavaDelegate {

    private final EcbPublishedRate ecb;

    LookUpPublishedRateDelegate(EcbPublishedRate ecb) {
        this.ecb = ecb;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ecb.latest().ifPresentOrElse(observation -> {
            execution.setVariable("publishedRate", "BCE " + observation.ecbRate().toPlainString() + " % au "
                    + observation.period() + " : taux légal " + observation.statutoryRate().toPlainString() + " %");
            execution.setVariable("ratePercent", observation.statutoryRate().doubleValue());
        }, () -> execution.setVariable("publishedRate", "non consulté : à lire sur le site de la Banque de France"));
    }
}
