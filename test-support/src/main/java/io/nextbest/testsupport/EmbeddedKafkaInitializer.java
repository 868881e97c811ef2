package io.nextbest.testsupport;

import java.util.Map;
import java.util.UUID;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points a Spring test context at the {@link SharedKafka} broker by setting
 * {@code spring.kafka.bootstrap-servers} with highest precedence, and gives the context its own
 * Kafka Streams state directory: the broker is new in every test JVM, so state left by an earlier
 * run would point past the end of its topics and fail the app.
 */
public class EmbeddedKafkaInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    static final String PROPERTY_SOURCE_NAME = "sharedEmbeddedKafka";

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        Map<String, Object> properties = Map.of(
                "spring.kafka.bootstrap-servers", SharedKafka.bootstrapServers(),
                "nextbest.streams.state-dir", "target/kafka-streams/" + UUID.randomUUID());
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE_NAME, properties));
    }
}
