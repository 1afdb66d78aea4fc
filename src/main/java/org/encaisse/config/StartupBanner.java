package org.encaisse.config;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Tells whoever just started Encaisse where to go and how to log in. */
@Component
class StartupBanner {

    private static final Logger log = LoggerFactory.getLogger(StartupBanner.class);

    private final boolean demo;
    private final String contextPath;

    StartupBanner(@Value("${encaisse.demo.enabled:false}") boolean demo,
                  @Value("${server.servlet.context-path:}") String contextPath) {
        this.demo = demo;
        this.contextPath = contextPath;
    }

    @EventListener
    void ready(ApplicationReadyEvent event) {
        if (!(event.getApplicationContext() instanceof WebServerApplicationContext web) || web.getWebServer() == null) {
            return;
        }
        String base = "http://localhost:" + web.getWebServer().getPort() + contextPath;
        String login = demo
                ? "Demo users (password 'demo'): claire (manager, admin), marie and julien (collectors), paul and "
                  + "sophie (sales), lea (logistics), alain (auditor)."
                : "Log in as the administrator given by ENCAISSE_ADMIN_USER.";
        log.info("""

                  Encaisse is running.
                    Tasklist : {}/camunda/app/tasklist/
                    Cockpit  : {}/camunda/app/cockpit/
                    API      : {}/api/customers/C0001 (HTTP Basic)
                  {}
                """, base, base, base, login);
    }
}
