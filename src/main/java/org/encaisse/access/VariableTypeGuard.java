package org.encaisse.access;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers 400 to a call of the engine's REST API that carries a variable the engine would refuse
 * (a Java-serialized object) or would store but never turn back into an object (a JSON object of a
 * type off the deserialization allow-list). The engine refuses the first and guards the second on
 * reading, but reports both as server errors; this says what and where instead, before anything is
 * stored. Deployments are left to the model rules.
 */
class VariableTypeGuard extends OncePerRequestFilter {

    static final String JAVA_SERIALIZATION = "application/x-java-serialized-object";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ProcessEngine engine;

    VariableTypeGuard(ProcessEngine engine) {
        this.engine = engine;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return "GET".equals(request.getMethod()) || !path.startsWith("/engine-rest/")
                || path.startsWith("/engine-rest/deployment/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        byte[] body = request.getInputStream().readAllBytes();
        List<String> refusals = refusals(request.getContentType(), body);
        if (!refusals.isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            JSON.writeValue(response.getOutputStream(), Map.of("type", "InvalidVariableType",
                    "message", String.join("; ", refusals)));
            return;
        }
        chain.doFilter(new ReplayedBody(request, body), response);
    }

    private List<String> refusals(String contentType, byte[] body) {
        List<String> refusals = new ArrayList<>();
        if (contentType != null && contentType.startsWith(MediaType.APPLICATION_JSON_VALUE) && body.length > 0) {
            try {
                inspect(JSON.readTree(body), "", refusals);
            } catch (IOException notJson) {
                // The engine's API answers malformed JSON with its own 400.
            }
        } else if (new String(body, StandardCharsets.ISO_8859_1).contains(JAVA_SERIALIZATION)) {
            refusals.add("Java-serialized variables are refused (serializationDataFormat " + JAVA_SERIALIZATION + ")");
        }
        return refusals;
    }

    private void inspect(JsonNode node, String path, List<String> refusals) {
        JsonNode info = node.get("valueInfo");
        if (info != null && info.isObject()) {
            String format = info.path("serializationDataFormat").asText("");
            String type = info.path("objectTypeName").asText("");
            String where = path.isEmpty() ? "the variable" : "variable '" + path + "'";
            if (format.equals(JAVA_SERIALIZATION)) {
                refusals.add(where + ": Java-serialized variables are refused (serializationDataFormat "
                        + JAVA_SERIALIZATION + "); send JSON (application/json)");
            } else if (!type.isEmpty() && !engine.getProcessEngineConfiguration().getDeserializationTypeValidator()
                    .validate(type)) {
                refusals.add(where + ": type '" + type + "' is not on the deserialization allow-list");
            }
        }
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                inspect(field.getValue(), path.isEmpty() ? field.getKey() : path + "." + field.getKey(), refusals);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                inspect(node.get(i), path + "[" + i + "]", refusals);
            }
        }
    }
}
