package io.nextbest.standalone;

import io.nextbest.standalone.infra.EmbeddedInfrastructure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Tells the newcomer where the platform listens once it has started. */
@Component
class StartupReport {

    private static final Logger log = LoggerFactory.getLogger(StartupReport.class);

    private final ObjectProvider<EmbeddedInfrastructure> infrastructure;

    StartupReport(ObjectProvider<EmbeddedInfrastructure> infrastructure) {
        this.infrastructure = infrastructure;
    }

    @EventListener
    void onReady(ApplicationReadyEvent event) {
        int port = event.getApplicationContext() instanceof WebServerApplicationContext web
                ? web.getWebServer().getPort() : -1;
        log.info("NextBest standalone listening on http://localhost:{} (readiness: /actuator/health/readiness, metrics: /actuator/prometheus)", port);
        infrastructure.ifAvailable(infra -> log.info("Embedded infrastructure: {}", infra.describe()));
    }
}
