package io.nextbest.testsupport;

import java.util.Map;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points a Spring test context at the {@link SharedKafka} broker by setting
 * {@code spring.kafka.bootstrap-servers} with highest precedence.
 */
public class EmbeddedKafkaInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    static final String PROPERTY_SOURCE_NAME = "sharedEmbeddedKafka";

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        Map<String, Object> properties = Map.of("spring.kafka.bootstrap-servers", SharedKafka.bootstrapServers());
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE_NAME, properties));
    }
}
