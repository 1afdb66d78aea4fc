package org.encaisse.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

@Configuration
@Profile("mariadb")
class DatabaseConfiguration {

    @Bean
    static DatabaseSettingsCheck databaseSettingsCheck() {
        return new DatabaseSettingsCheck();
    }
}
