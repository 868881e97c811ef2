package io.nextbest.support.topics;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How this deployment creates topics: one replica and one in-sync replica for standalone,
 * three and two in production (README, "Topics"). {@code partitions} overrides the registry's
 * default partition count per topic name.
 */
@ConfigurationProperties("nextbest.kafka.topics")
public record TopicProperties(short replicationFactor, int minInsyncReplicas, Map<String, Integer> partitions) {

    public TopicProperties {
        partitions = partitions == null ? Map.of() : Map.copyOf(partitions);
        if (replicationFactor < 1) {
            throw new IllegalArgumentException("nextbest.kafka.topics.replication-factor must be at least 1");
        }
        if (minInsyncReplicas < 1 || minInsyncReplicas > replicationFactor) {
            throw new IllegalArgumentException(
                    "nextbest.kafka.topics.min-insync-replicas must be between 1 and replication-factor");
        }
    }
}
