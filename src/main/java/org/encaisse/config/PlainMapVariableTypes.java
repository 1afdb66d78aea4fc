package org.encaisse.config;

import java.util.Map;

import com.fasterxml.jackson.databind.type.TypeFactory;
import org.camunda.spin.impl.json.jackson.format.JacksonJsonDataFormat;
import org.camunda.spin.spi.DataFormatConfigurator;
import org.camunda.spin.spi.TypeDetector;

/**
 * Stores a map variable (a decision's single result: the case's {@code schedule}) under its class
 * name, {@code java.util.HashMap}, instead of Spin's {@code java.util.HashMap<java.lang.Object,java.lang.Object>}.
 * <p>
 * Spin reads an object variable back by first trying its type name as a class name, and parses the
 * name as a generic type only once that failed. A generic name is never a class, so every read of
 * the schedule (each timer that dates a step from it) had the class loader search every jar of the
 * class path, then throw, before the variable was parsed (1 % of the daily job's Java samples). A map of
 * {@code Object} to {@code Object} is what Jackson reads for the bare class too, so the two names
 * read back the same map; a map whose name says more keeps it. Maps stored before read as they did.
 * <p>
 * Registered in {@code META-INF/services}, where Spin looks for configurators when the engine starts.
 */
public class PlainMapVariableTypes implements DataFormatConfigurator<JacksonJsonDataFormat> {

    @Override
    public Class<JacksonJsonDataFormat> getDataFormatClass() {
        return JacksonJsonDataFormat.class;
    }

    @Override
    public void configure(JacksonJsonDataFormat format) {
        format.addTypeDetector(new PlainMapDetector());
    }

    static final class PlainMapDetector implements TypeDetector {

        private static final String OBJECT_TO_OBJECT = "<java.lang.Object,java.lang.Object>";

        @Override
        public boolean canHandle(Object value) {
            return value instanceof Map && spinsName(value).equals(value.getClass().getName() + OBJECT_TO_OBJECT);
        }

        @Override
        public String detectType(Object value) {
            return value.getClass().getName();
        }

        /** What Spin's last detector, the one a map falls through to, names it. */
        private static String spinsName(Object value) {
            return TypeFactory.defaultInstance().constructType(value.getClass()).toCanonical();
        }
    }
}
