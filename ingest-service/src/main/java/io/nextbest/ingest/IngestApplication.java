package io.nextbest.ingest;

import io.nextbest.support.FormatLocale;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;

/** Runs ingest-service on its own (port 8082); standalone imports {@link IngestServiceConfiguration} instead. */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(IngestServiceConfiguration.class)
public class IngestApplication {

    public static void main(String[] args) {
        FormatLocale.apply();
        SpringApplication app = new SpringApplication(IngestApplication.class);
        app.setDefaultProperties(Map.of("spring.config.name", "ingest-service"));
        app.run(args);
    }
}
