package org.encaisse.support;

import java.sql.Connection;

import javax.sql.DataSource;

import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/** Runs a Java migration again over rows put back as they stood before it, as Flyway would on an older database. */
public final class JavaMigrations {

    private JavaMigrations() {
    }

    public static void apply(DataSource dataSource, JavaMigration migration) throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            migration.migrate(new Context() {
                @Override
                public Configuration getConfiguration() {
                    return null;
                }

                @Override
                public Connection getConnection() {
                    return connection;
                }
            });
        }
    }
}
