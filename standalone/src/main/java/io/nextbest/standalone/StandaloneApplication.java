package io.nextbest.standalone;

import io.nextbest.catalog.CatalogServiceConfiguration;
import io.nextbest.catalog.credit.CreditBalances;
import io.nextbest.catalog.sample.DemoTenant;
import io.nextbest.catalog.system.CatalogProperties;
import io.nextbest.decision.DecisionServiceConfiguration;
import io.nextbest.decision.readmodel.DecisionReadModels;
import io.nextbest.feedback.FeedbackServiceConfiguration;
import io.nextbest.ingest.IngestServiceConfiguration;
import io.nextbest.ingest.readmodel.IngestReadModels;
import io.nextbest.standalone.infra.EmbeddedInfrastructureInitializer;
import io.nextbest.support.FormatLocale;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * The whole platform in one process for a newcomer: an in-process Kafka broker and PostgreSQL
 * whose data lives under {@code ./var}, and all four services in one context on port 8080.
 * Their routes never overlap, so one port serves them all.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@EnableConfigurationProperties(StandaloneProperties.class)
@Import({StartupReport.class, CatalogServiceConfiguration.class, IngestServiceConfiguration.class,
        FeedbackServiceConfiguration.class, DecisionServiceConfiguration.class})
public class StandaloneApplication {

    /** Named {@code sampleData} in {@code /actuator/health}; part of the readiness group (application.yaml). */
    @Bean
    SampleDataReadiness sampleDataHealthIndicator(CatalogProperties catalog, DemoTenant demo, DatabaseClient db, DecisionReadModels decision,
            IngestReadModels ingest, CreditBalances credit) {
        return new SampleDataReadiness(catalog.demo().loadOnStart(), demo, db, decision, ingest, credit);
    }

    public static void main(String[] args) {
        start(args);
    }

    public static ConfigurableApplicationContext start(String... args) {
        FormatLocale.apply();
        SpringApplication app = new SpringApplication(StandaloneApplication.class);
        app.addInitializers(new EmbeddedInfrastructureInitializer());
        return app.run(args);
    }
}
