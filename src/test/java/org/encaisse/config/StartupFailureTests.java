package org.encaisse.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.encaisse.EncaisseApplication;
import org.encaisse.support.OwnContext;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** Start-up problems an operator meets end in one sentence that says what to fix. */
@ExtendWith(OutputCaptureExtension.class)
@Tag(OwnContext.TAG)
class StartupFailureTests {

    @Test
    void anUnreachableDatabaseIsNamedInOneSentence(CapturedOutput output) {
        assertThatThrownBy(() -> start("--spring.profiles.active=mariadb",
                "--DB_URL=jdbc:mariadb://127.0.0.1:1/encaisse", "--DB_USER=encaisse", "--DB_PASSWORD=secret",
                "--encaisse.admin.user=admin", "--encaisse.admin.password=Tresor-Test-2026"))
                .isInstanceOf(Exception.class);
        assertThat(output).contains("Encaisse cannot use its database at jdbc:mariadb://127.0.0.1:1/encaisse")
                .contains("Check that the database server is running");
    }

    @Test
    void aMariaDbSessionThatIsNotReadCommittedIsRefused(CapturedOutput output) {
        String url = System.getenv("MARIADB_URL");
        assumeTrue(url != null && !url.isBlank(), "MARIADB_URL names the MariaDB server (set by .ci/run)");
        assertThatThrownBy(() -> start("--spring.profiles.active=mariadb", "--DB_URL=" + url,
                "--DB_USER=" + System.getenv().getOrDefault("MARIADB_USER", "root"),
                "--DB_PASSWORD=" + System.getenv().getOrDefault("MARIADB_PASSWORD", ""),
                "--spring.datasource.hikari.transaction-isolation=TRANSACTION_REPEATABLE_READ",
                "--encaisse.admin.user=admin", "--encaisse.admin.password=Tresor-Test-2026"))
                .isInstanceOf(Exception.class);
        assertThat(output).contains("Encaisse needs its database sessions at READ COMMITTED; this one runs at "
                + "REPEATABLE READ").contains("transaction_isolation");
    }

    @Test
    void theMariaDbProfileWithoutItsSettingsSaysWhichAreMissing(CapturedOutput output) {
        assertThatThrownBy(() -> start("--spring.profiles.active=mariadb",
                "--encaisse.admin.user=admin", "--encaisse.admin.password=Tresor-Test-2026"))
                .isInstanceOf(Exception.class);
        assertThat(output).contains("The mariadb profile needs DB_URL and DB_USER in the environment");
    }

    @Test
    void withoutDemoDataAnAdministratorIsRequired(CapturedOutput output) {
        assertThatThrownBy(() -> start("--spring.datasource.url=jdbc:h2:mem:noadmin;DB_CLOSE_DELAY=-1",
                "--encaisse.demo.enabled=false", "--encaisse.admin.user=", "--encaisse.admin.password="))
                .isInstanceOf(Exception.class);
        assertThat(output).contains("No administrator is configured: set ENCAISSE_ADMIN_USER and ENCAISSE_ADMIN_PASSWORD");
    }

    @Test
    void anAdministratorPasswordOutsideThePolicyIsRefusedWithTheRulesItBreaks(CapturedOutput output) {
        assertThatThrownBy(() -> start("--spring.datasource.url=jdbc:h2:mem:weakadmin;DB_CLOSE_DELAY=-1",
                "--encaisse.demo.enabled=false", "--encaisse.admin.user=admin", "--encaisse.admin.password=admin-2026"))
                .isInstanceOf(Exception.class);
        assertThat(output).contains("ENCAISSE_ADMIN_PASSWORD does not meet the password policy: ",
                "needs at least 1 upper-case letter(s)", "must not contain the user's id, first name, last name or email");
    }

    private static void start(String... args) {
        String[] all = new String[args.length + 3];
        all[0] = "--server.port=0";
        all[1] = "--camunda.bpm.job-execution.enabled=false";
        // Camunda keeps engines in a static registry by name: closing this one must not unregister the
        // "default" engine that other test contexts of this JVM still use.
        all[2] = "--camunda.bpm.process-engine-name=startupfailure";
        System.arraycopy(args, 0, all, 3, args.length);
        SpringApplication.run(EncaisseApplication.class, all).close();
    }
}
