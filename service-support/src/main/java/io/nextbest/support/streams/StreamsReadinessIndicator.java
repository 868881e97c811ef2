package io.nextbest.support.streams;

import java.util.Map;
import org.apache.kafka.streams.KafkaStreams;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Readiness of this process's Kafka Streams apps: DOWN until every app has restored its stores and
 * reached RUNNING once, so no request is served from a half-loaded read model. Afterwards a
 * rebalance (REBALANCING) keeps it UP: the stores stay readable and dropping out of the load
 * balancer on every rebalance would turn a scale-out into an outage.
 */
public class StreamsReadinessIndicator extends AbstractHealthIndicator {

    private final StreamsAppStates states;

    public StreamsReadinessIndicator(StreamsAppStates states) {
        this.states = states;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        boolean ready = true;
        for (Map.Entry<String, KafkaStreams.State> app : states.current().entrySet()) {
            builder.withDetail(app.getKey(), app.getValue().name());
            ready &= isReady(app.getKey(), app.getValue());
        }
        if (ready) {
            builder.up();
        } else {
            builder.down();
        }
    }

    private boolean isReady(String app, KafkaStreams.State state) {
        return state == KafkaStreams.State.RUNNING
                || state == KafkaStreams.State.REBALANCING && states.hasRestored(app);
    }
}
