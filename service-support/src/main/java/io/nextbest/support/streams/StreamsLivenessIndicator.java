package io.nextbest.support.streams;

import java.util.Map;
import org.apache.kafka.streams.KafkaStreams;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Liveness of this process's Kafka Streams apps: DOWN only when an app has died (ERROR), the one
 * state it never leaves by itself, so that the orchestrator restarts the process.
 */
public class StreamsLivenessIndicator extends AbstractHealthIndicator {

    private final StreamsAppStates states;

    public StreamsLivenessIndicator(StreamsAppStates states) {
        this.states = states;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        boolean alive = true;
        for (Map.Entry<String, KafkaStreams.State> app : states.current().entrySet()) {
            builder.withDetail(app.getKey(), app.getValue().name());
            alive &= app.getValue() != KafkaStreams.State.ERROR;
        }
        if (alive) {
            builder.up();
        } else {
            builder.down();
        }
    }
}
