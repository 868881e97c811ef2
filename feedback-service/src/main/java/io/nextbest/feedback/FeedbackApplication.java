package io.nextbest.feedback;

import io.nextbest.support.FormatLocale;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;

/** Runs feedback-service on its own (port 8083); standalone imports {@link FeedbackServiceConfiguration} instead. */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(FeedbackServiceConfiguration.class)
public class FeedbackApplication {

    public static void main(String[] args) {
        FormatLocale.apply();
        SpringApplication app = new SpringApplication(FeedbackApplication.class);
        app.setDefaultProperties(Map.of("spring.config.name", "feedback-service"));
        app.run(args);
    }
}
