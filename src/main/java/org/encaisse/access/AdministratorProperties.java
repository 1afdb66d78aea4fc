package org.encaisse.access;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code ENCAISSE_ADMIN_USER} and {@code ENCAISSE_ADMIN_PASSWORD}. */
@ConfigurationProperties("encaisse.admin")
public record AdministratorProperties(String user, String password) {

    boolean isSet() {
        return user != null && !user.isBlank() && password != null && !password.isBlank();
    }
}
