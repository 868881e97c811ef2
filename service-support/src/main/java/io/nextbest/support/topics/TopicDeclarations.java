package io.nextbest.support.topics;

import io.nextbest.model.topic.Topic;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Turns the topics a service uses into the {@link KafkaAdmin.NewTopics} that Spring's
 * {@link KafkaAdmin} creates at start-up when missing. A service declares every topic it reads
 * as well as writes: a Streams app whose source topic does not exist fails to start, and the
 * services may start in any order.
 */
public final class TopicDeclarations {

    private TopicDeclarations() {
    }

    public static KafkaAdmin.NewTopics of(Collection<? extends Topic<?, ?>> topics, TopicProperties settings) {
        return new KafkaAdmin.NewTopics(topics.stream().map(topic -> newTopic(topic, settings)).toArray(NewTopic[]::new));
    }

    static NewTopic newTopic(Topic<?, ?> topic, TopicProperties settings) {
        int partitions = settings.partitions().getOrDefault(topic.name(), topic.partitions());
        Map<String, String> configs = new HashMap<>(topic.configs());
        configs.put(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, Integer.toString(settings.minInsyncReplicas()));
        return new NewTopic(topic.name(), partitions, settings.replicationFactor()).configs(configs);
    }
}
