package org.encaisse.deployment;

import java.util.ArrayList;
import java.util.Enumeration;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.form.FormDefinition;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Each task form in one language: French, or English for a user whose browser asks for English before French
 * (the preference Tasklist reads to choose its own language). A model names its French form in
 * {@code camunda:formRef}, as managers see it in Modeler; the English one is the same form under the id with
 * {@value #ENGLISH_SUFFIX}, in the feature's {@code en} folder. The choice is made when Tasklist asks for the
 * task's form, for whoever asks, so two people opening the same task each read their own language. A form
 * deployed without its English twin is shown in French to everyone.
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
                    && Context.getCommandContext() != null
                    && Context.getCommandContext().getCamundaFormDefinitionManager()
                            .findLatestDefinitionByKey(formKey + ENGLISH_SUFFIX) != null) {
                return formKey + ENGLISH_SUFFIX;
            }
            return key;
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

    /** English before French in the request's Accept-Language; French when there is no request (a job, a test). */
    static boolean readerPrefersEnglish() {
        if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
            return false;
        }
        HttpServletRequest request = attributes.getRequest();
        if (request.getHeader("Accept-Language") == null) {
            return false;
        }
        Enumeration<Locale> preferred = request.getLocales();
        while (preferred.hasMoreElements()) {
            String language = preferred.nextElement().getLanguage();
            if (language.equals("fr")) {
                return false;
            }
            if (language.equals("en")) {
                return true;
            }
        }
        return false;
    }
}
