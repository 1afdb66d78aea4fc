package org.encaisse.access;

import java.util.Map;

import org.camunda.bpm.engine.identity.PasswordPolicyResult;
import org.camunda.bpm.engine.identity.PasswordPolicyRule;

/**
 * The engine's password policy said in words, for the start-up that refuses the administrator's password
 * and for {@link PasswordPolicyGuard}'s answer; Camunda Admin shows the same rules, translated, in its form.
 */
final class PasswordRules {

    private PasswordRules() {
    }

    static String violated(PasswordPolicyResult result) {
        return String.join("; ", result.getViolatedRules().stream().map(PasswordRules::describe).toList());
    }

    private static String describe(PasswordPolicyRule rule) {
        Map<String, String> parameters = rule.getParameters() == null ? Map.of() : rule.getParameters();
        return switch (rule.getPlaceholder()) {
            case "PASSWORD_POLICY_LENGTH" -> "needs at least " + parameters.get("minLength") + " characters";
            case "PASSWORD_POLICY_LOWERCASE" -> "needs at least " + parameters.get("minLowerCase") + " lower-case letter(s)";
            case "PASSWORD_POLICY_UPPERCASE" -> "needs at least " + parameters.get("minUpperCase") + " upper-case letter(s)";
            case "PASSWORD_POLICY_DIGIT" -> "needs at least " + parameters.get("minDigit") + " digit(s)";
            case "PASSWORD_POLICY_SPECIAL" -> "needs at least " + parameters.get("minSpecial") + " special character(s)";
            case "PASSWORD_POLICY_USER_DATA" -> "must not contain the user's id, first name, last name or email";
            default -> rule.getPlaceholder() + " " + parameters;
        };
    }
}
