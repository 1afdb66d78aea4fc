package org.encaisse.deployment;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.BpmnParseException;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.impl.util.xml.Namespace;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * What a model deployed from Camunda Modeler may run. A manager deploys over the REST API, so a
 * model is code that reaches the server: scripts (script tasks, script listeners, script
 * input/output mappings) are refused, and a Java class named in the model must be on the
 * allow-list. Work is done by Spring beans through {@code camunda:delegateExpression}, which only
 * reach what the application defines. The engine itself refuses a DOCTYPE (no XXE processing) and
 * a process without a history time-to-live; {@link XmlErrorReportingParse} makes those, too, a 400.
 */
@Component
@EnableConfigurationProperties(DeploymentProperties.class)
class ModelDeploymentRules extends AbstractProcessEnginePlugin {

    private final DeploymentProperties properties;

    ModelDeploymentRules(DeploymentProperties properties) {
        this.properties = properties;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPreBPMNParseListeners() == null) {
            configuration.setCustomPreBPMNParseListeners(new ArrayList<>());
        }
        configuration.getCustomPreBPMNParseListeners().add(new Checks());
        configuration.setBpmnParseFactory(XmlErrorReportingParse::new);
    }

    private final class Checks extends AbstractBpmnParseListener {

        @Override
        public void parseProcess(Element process, ProcessDefinitionEntity definition) {
            List<String> refusals = new ArrayList<>();
            List<Element> offending = new ArrayList<>();
            inspect(process, refusals, offending);
            if (!refusals.isEmpty()) {
                // A parse error, so the deployment fails as a bad model (400 with its position), not a server error.
                throw new BpmnParseException("Process '" + definition.getKey() + "' is refused: "
                        + String.join("; ", refusals), offending.get(0));
            }
        }

        private void inspect(Element element, List<String> refusals, List<Element> offending) {
            int before = refusals.size();
            String where = " (line " + element.getLine() + ", element " + element.getTagName()
                    + (element.attribute("id") == null ? "" : " '" + element.attribute("id") + "'") + ")";
            if ("scriptTask".equals(element.getTagName())) {
                refusals.add("script tasks are not allowed, use a service task with a delegate bean" + where);
            }
            if ("script".equals(element.getTagName()) && isEngineExtension(element)) {
                refusals.add("scripts (camunda:script) are not allowed in listeners or mappings, use an expression or a bean"
                        + where);
            }
            String javaClass = element.attributeNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "class");
            if (javaClass != null && !properties.allows(javaClass)) {
                refusals.add("Java class '" + javaClass + "' is not on the allow-list (encaisse.deployment.allowed-classes: "
                        + properties.allowedClasses() + ")" + where);
            }
            if (refusals.size() > before) {
                offending.add(element);
            }
            element.elements().forEach(child -> inspect(child, refusals, offending));
        }

        /** The engine's extension namespace, or the one it also reads (activiti: on Camunda, camunda: on Operaton). */
        private static boolean isEngineExtension(Element element) {
            Namespace extensions = BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS;
            return extensions.getNamespaceUri().equals(element.getUri())
                    || (extensions.hasAlternativeUri() && extensions.getAlternativeUri().equals(element.getUri()));
        }
    }
}
