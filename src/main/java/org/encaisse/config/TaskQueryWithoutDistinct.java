package org.encaisse.config;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import org.apache.ibatis.builder.xml.XMLMapperBuilder;
import org.apache.ibatis.session.Configuration;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.sql.DbSqlSessionFactory;
import org.springframework.stereotype.Component;

/**
 * Makes the engine run its task list and count queries as {@code TaskQueryWithoutDistinct.xml} has them, on the
 * databases that statement was measured on (MariaDB, which the engine calls mysql, and H2). The
 * engine's statement mappings exist for exactly this: each database may get its own statement for a
 * query; the criteria and authorization checks stay the engine's own fragments.
 */
@Component
class TaskQueryWithoutDistinct extends AbstractProcessEnginePlugin {

    static final String ENGINE_STATEMENT = "selectTaskByQueryCriteria";
    static final String STATEMENT = "org.encaisse.config.TaskQueryWithoutDistinct.selectTaskByQueryCriteria";
    static final String MARIADB_STATEMENT = STATEMENT + "OnMariaDb";
    static final String ENGINE_COUNT = "selectTaskCountByQueryCriteria";
    static final String COUNT = "org.encaisse.config.TaskQueryWithoutDistinct.selectTaskCountByQueryCriteria";
    private static final String MAPPER = "org/encaisse/config/TaskQueryWithoutDistinct.xml";
    private static final Set<String> DATABASES = Set.of(DbSqlSessionFactory.MYSQL, DbSqlSessionFactory.H2);

    @Override
    public void postInit(ProcessEngineConfigurationImpl engine) {
        DbSqlSessionFactory sessions = engine.getDbSqlSessionFactory();
        if (!DATABASES.contains(sessions.getDatabaseType())) {
            return;
        }
        Configuration mybatis = engine.getSqlSessionFactory().getConfiguration();
        if (!mybatis.hasStatement(STATEMENT)) {
            try (InputStream xml = TaskQueryWithoutDistinct.class.getClassLoader().getResourceAsStream(MAPPER)) {
                if (xml == null) {
                    throw new IllegalStateException(MAPPER + " is missing from the classpath");
                }
                new XMLMapperBuilder(xml, mybatis, MAPPER, mybatis.getSqlFragments()).parse();
            } catch (IOException e) {
                throw new IllegalStateException("Could not read " + MAPPER, e);
            }
            // MyBatis sets aside a statement whose include it cannot resolve instead of failing: an engine
            // that renamed a fragment must stop the start-up here, not fail at the first task query.
            if (!mybatis.hasStatement(STATEMENT) || !mybatis.hasStatement(MARIADB_STATEMENT)
                    || !mybatis.hasStatement(COUNT)) {
                throw new IllegalStateException(MAPPER + " does not fit this engine's mappings: the fragments it "
                        + "includes from TaskEntity and Commons are missing.");
            }
        }
        Map<String, String> mappings = sessions.getStatementMappings() == null ? new HashMap<>()
                : new HashMap<>(sessions.getStatementMappings());
        mappings.put(ENGINE_STATEMENT, isMariaDb(engine.getDataSource()) ? MARIADB_STATEMENT : STATEMENT);
        mappings.put(ENGINE_COUNT, COUNT);
        sessions.setStatementMappings(mappings);
    }

    /** The engine says "mysql" for both; only MariaDB knows SET STATEMENT. */
    private static boolean isMariaDb(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("mariadb");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not tell which database the engine runs on", e);
        }
    }
}
