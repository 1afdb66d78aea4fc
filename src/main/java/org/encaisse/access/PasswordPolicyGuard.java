package org.encaisse.access;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.PasswordPolicyResult;
import org.camunda.bpm.engine.identity.User;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers 400 naming the broken rules to a user created or a password changed over {@code /engine-rest}
 * with a password outside the engine's policy. The engine refuses such a password too, but as a server
 * error (500) that says only "Password does not match policy"; Camunda Admin checks it in the page first.
 */
class PasswordPolicyGuard extends OncePerRequestFilter {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CREDENTIALS = Pattern.compile("/engine-rest/user/([^/]+)/credentials");

    private final IdentityService identity;

    PasswordPolicyGuard(IdentityService identity) {
        this.identity = identity;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = path(request);
        return !("POST".equals(request.getMethod()) && path.equals("/engine-rest/user/create")
                || "PUT".equals(request.getMethod()) && CREDENTIALS.matcher(path).matches());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        byte[] body = request.getInputStream().readAllBytes();
        PasswordPolicyResult result = check(path(request), body);
        if (result != null && !result.isValid()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            JSON.writeValue(response.getOutputStream(), Map.of("type", "PasswordPolicyViolation",
                    "message", "The password does not meet the password policy: " + PasswordRules.violated(result) + "."));
            return;
        }
        chain.doFilter(new ReplayedBody(request, body), response);
    }

    /** The policy's verdict, or null when the body says too little to judge; the engine then answers itself. */
    private PasswordPolicyResult check(String path, byte[] body) {
        JsonNode json;
        try {
            json = JSON.readTree(body);
        } catch (IOException notJson) {
            return null;
        }
        if (json == null) {
            return null;
        }
        Matcher credentials = CREDENTIALS.matcher(path);
        String password = (credentials.matches() ? json : json.path("credentials")).path("password").asText(null);
        if (password == null) {
            return null;
        }
        User user;
        if (credentials.matches()) {
            // Only a user the caller may read is looked up; any other is the engine's to refuse.
            user = identity.createUserQuery().userId(credentials.group(1)).singleResult();
        } else {
            JsonNode profile = json.path("profile");
            user = identity.newUser(profile.path("id").asText(""));
            user.setFirstName(profile.path("firstName").asText(null));
            user.setLastName(profile.path("lastName").asText(null));
            user.setEmail(profile.path("email").asText(null));
        }
        return user == null ? null : identity.checkPasswordAgainstPolicy(password, user);
    }

    private static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }
}
