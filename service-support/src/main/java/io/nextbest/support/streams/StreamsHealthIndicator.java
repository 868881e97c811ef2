package io.nextbest.support.streams;

import java.util.Map;
import org.apache.kafka.streams.KafkaStreams;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Health of this process's Kafka Streams apps under one rule, shown per app:
 * <ul>
 * <li>{@link #readiness}: DOWN until every app has restored its stores and reached RUNNING once, so
 * no request is served from a half-loaded read model. Afterwards a rebalance keeps it UP: the stores
 * stay readable, and dropping out of the load balancer on every rebalance would turn a scale-out
 * into an outage.</li>
 * <li>{@link #liveness}: DOWN only when an app has died (ERROR), the one state it never leaves by
 * itself, so that the orchestrator restarts the process.</li>
 * </ul>
 */
public final class StreamsHealthIndicator extends AbstractHealthIndicator {

    private final StreamsAppStates states;
    private final Rule rule;

    private StreamsHealthIndicator(StreamsAppStates states, Rule rule) {
        this.states = states;
        this.rule = rule;
    }

    public static StreamsHealthIndicator readiness(StreamsAppStates states) {
        return new StreamsHealthIndicator(states, (app, state) -> state == KafkaStreams.State.RUNNING
                || state == KafkaStreams.State.REBALANCING && states.hasRestored(app));
    }

    public static StreamsHealthIndicator liveness(StreamsAppStates states) {
        return new StreamsHealthIndicator(states, (app, state) -> state != KafkaStreams.State.ERROR);
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        boolean healthy = true;
        for (Map.Entry<String, KafkaStreams.State> app : states.current().entrySet()) {
            builder.withDetail(app.getKey(), app.getValue().name());
            healthy &= rule.isHealthy(app.getKey(), app.getValue());
        }
        if (healthy) {
            builder.up();
        } else {
            builder.down();
        }
    }

    @FunctionalInterface
    private interface Rule {
        boolean isHealthy(String app, KafkaStreams.State state);
    }
}
