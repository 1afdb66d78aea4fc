package org.encaisse.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole application on a real port, with the real engine and database. Tagged "database":
 * the build runs these tests on H2 (surefire), then again on MariaDB (failsafe's MariaDB suite).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles(resolver = TestDatabase.class)
@ContextConfiguration(initializers = {TestDatabase.class, MailCatcher.class})
@Import({Api.class, CaseWork.class, StatutoryRateFixture.class})
@Tag("database")
public @interface EncaisseTest {
}
