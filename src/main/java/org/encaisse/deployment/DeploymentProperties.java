package org.encaisse.deployment;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code encaisse.deployment.allowed-classes}: the Java classes a model may name in
 * {@code camunda:class}, each a full class name or a package ending in {@code .*} (with its sub-packages).
 */
@ConfigurationProperties("encaisse.deployment")
record DeploymentProperties(List<String> allowedClasses) {

    DeploymentProperties {
        allowedClasses = allowedClasses == null ? List.of() : List.copyOf(allowedClasses);
    }

    boolean allows(String className) {
        return allowedClasses.stream().anyMatch(allowed -> allowed.endsWith(".*")
                ? className.startsWith(allowed.substring(0, allowed.length() - 1))
                : allowed.equals(className));
    }
}
