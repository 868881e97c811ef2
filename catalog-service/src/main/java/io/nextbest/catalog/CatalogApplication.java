package io.nextbest.catalog;

import io.nextbest.support.FormatLocale;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;

/** Runs catalog-service on its own (port 8081); standalone imports {@link CatalogServiceConfiguration} instead. */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(CatalogServiceConfiguration.class)
public class CatalogApplication {

    public static void main(String[] args) {
        FormatLocale.apply();
        SpringApplication app = new SpringApplication(CatalogApplication.class);
        app.setDefaultProperties(Map.of("spring.config.name", "catalog-service"));
        app.run(args);
    }
}
