package org.encaisse.deployment;

import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParser;
import org.xml.sax.SAXParseException;

/**
 * The engine reports a file that is not well-formed XML, or that carries a DOCTYPE (refused: no
 * XXE), as a server error. This parse reports it as what it is, a bad model: a parse error with
 * its line and column, which the REST API answers with 400 like any other modelling mistake.
 */
final class XmlErrorReportingParse extends BpmnParse {

    XmlErrorReportingParse(BpmnParser parser) {
        super(parser);
    }

    @Override
    public BpmnParse execute() {
        try {
            return super.execute();
        } catch (ParseException e) {
            throw e;
        } catch (ProcessEngineException e) {
            SAXParseException xml = xmlCause(e);
            if (xml == null) {
                throw e;
            }
            addError(xml);
            throwExceptionForErrors();
            throw e;
        }
    }

    private static SAXParseException xmlCause(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SAXParseException xml) {
                return xml;
            }
        }
        return null;
    }
}
