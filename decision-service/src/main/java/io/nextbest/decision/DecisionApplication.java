package io.nextbest.decision;

import io.nextbest.support.FormatLocale;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;

/** Runs decision-service on its own (port 8084); standalone imports {@link DecisionServiceConfiguration} instead. */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(DecisionServiceConfiguration.class)
public class DecisionApplication {

    public static void main(String[] args) {
        FormatLocale.apply();
        SpringApplication app = new SpringApplication(DecisionApplication.class);
        app.setDefaultProperties(Map.of("spring.config.name", "decision-service"));
        app.run(args);
    }
}
