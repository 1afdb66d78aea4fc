package org.encaisse.config;

import java.util.List;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;

/**
 * With the mariadb profile the database comes from the environment; when it is not given, say
 * so before anything tries to connect, instead of a driver error about a null URL.
 */
class DatabaseSettingsCheck implements BeanFactoryPostProcessor, EnvironmentAware {

    private Environment environment;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        List<String> missing = List.of("DB_URL", "DB_USER").stream()
                .filter(name -> environment.getProperty(name, "").isBlank())
                .toList();
        if (!missing.isEmpty()) {
            throw new DatabaseSettingsException("The mariadb profile needs " + String.join(" and ", missing)
                    + " in the environment, e.g. DB_URL=jdbc:mariadb://db:3306/encaisse DB_USER=encaisse.");
        }
    }

    static class DatabaseSettingsException extends RuntimeException {

        DatabaseSettingsException(String message) {
            super(message);
        }
    }
}
