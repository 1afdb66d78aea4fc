package org.encaisse.deployment;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.form.FormDefinition;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.CamundaFormDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Each task form in one language: French, or English for a user whose browser asks for English before French
 * (its Accept-Language; Tasklist's own menus come in English or German whatever it says). A model names its
 * French form in {@code camunda:formRef}, as managers see it in Modeler; the English one is the same form under
 * the id with {@value #ENGLISH_SUFFIX}, in the feature's {@code en} folder. The choice is made when Tasklist asks
 * for the task's form, for whoever asks, so two people opening the same task each read their own language. A
 * form without an English twin as recent as itself is shown in French to everyone.
 */
@Component
class FormLanguage extends AbstractProcessEnginePlugin {

    static final String ENGLISH_SUFFIX = "_en";

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPostBPMNParseListeners() == null) {
            configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
        }
        configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element userTask, ScopeImpl scope, ActivityImpl activity) {
                if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior) {
                    FormDefinition form = behavior.getTaskDefinition().getFormDefinition();
                    if (form != null && form.getCamundaFormDefinitionKey() != null) {
                        form.setCamundaFormDefinitionKey(new InReadersLanguage(form.getCamundaFormDefinitionKey()));
                    }
                }
            }
        });
    }

    /** The model's form reference, turned to its English twin when the reader asks for English and it exists. */
    private record InReadersLanguage(Expression french) implements Expression {

        @Override
        public Object getValue(VariableScope scope) {
            Object key = french.getValue(scope);
            if (key instanceof String formKey && !formKey.endsWith(ENGLISH_SUFFIX) && readerPrefersEnglish()
                    && twinIsCurrent(formKey)) {
                return formKey + ENGLISH_SUFFIX;
            }
            return key;
        }

        /**
         * The English twin is deployed, and not before the French form's latest version: a manager who deployed
         * a changed French form alone from Modeler has English readers read it in French rather than the old fields.
         */
        private static boolean twinIsCurrent(String formKey) {
            CommandContext context = Context.getCommandContext();
            if (context == null) {
                return false;
            }
            CamundaFormDefinitionEntity french = context.getCamundaFormDefinitionManager().findLatestDefinitionByKey(formKey);
            CamundaFormDefinitionEntity english = context.getCamundaFormDefinitionManager()
                    .findLatestDefinitionByKey(formKey + ENGLISH_SUFFIX);
            if (french == null || english == null) {
                return false;
            }
            if (english.getDeploymentId().equals(french.getDeploymentId())) {
                return true;
            }
            DeploymentEntity frenchDeployment = context.getDeploymentManager().findDeploymentById(french.getDeploymentId());
            DeploymentEntity englishDeployment = context.getDeploymentManager().findDeploymentById(english.getDeploymentId());
            return !englishDeployment.getDeploymentTime().before(frenchDeployment.getDeploymentTime());
        }

        @Override
        public void setValue(Object value, VariableScope scope) {
            french.setValue(value, scope);
        }

        @Override
        public String getExpressionText() {
            return french.getExpressionText();
        }

        @Override
        public boolean isLiteralText() {
            return false;
        }
    }

    /**
     * English before French in the request's Accept-Language, read as its weights say (a language at q=0 is
     * refused); French when there is no request (a job, a test) or no usable header.
     */
    static boolean readerPrefersEnglish() {
        if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
            return false;
        }
        String header = attributes.getRequest().getHeader("Accept-Language");
        if (header == null || header.isBlank()) {
            return false;
        }
        List<Locale.LanguageRange> preferred;
        try {
            preferred = Locale.LanguageRange.parse(header);
        } catch (IllegalArgumentException unreadable) {
            return false;
        }
        for (Locale.LanguageRange range : preferred) {
            String language = range.getRange().split("-")[0];
            if (range.getWeight() > 0 && language.equals("fr")) {
                return false;
            }
            if (range.getWeight() > 0 && language.equals("en")) {
                return true;
            }
        }
        return false;
    }
}
