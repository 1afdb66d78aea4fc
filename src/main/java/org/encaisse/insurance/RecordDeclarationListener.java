package org.encaisse.insurance;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** On completing Task_DeclareToInsurer: the insurer's reference proves the declaration, and the deadline is met. */
@Component
class RecordDeclarationListener implements TaskListener {

    private final DeclarationDesk desk;

    RecordDeclarationListener(DeclarationDesk desk) {
        this.desk = desk;
    }

    @Override
    public void notify(DelegateTask task) {
        Object reference = task.getVariable("insurerReference");
        if (reference == null || reference.toString().isBlank() || reference.toString().length() > 100) {
            throw new ProcessEngineException("Indiquez la référence de la déclaration chez l'assureur (100 caractères "
                    + "au plus). / Enter the insurer's reference for the declaration (at most 100 characters).");
        }
        String by = task.getAssignee() != null ? task.getAssignee() : "unknown";
        desk.declared(task.getProcessInstanceId(), reference.toString().strip(), by);
    }
}
