package io.nextbest.model.topic;

import static org.assertj.core.api.Assertions.assertThat;

import io.nextbest.model.catalog.CatalogEntity;
import java.util.List;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;

class TopicsTest {

    @Test
    void topicNamesAreUnique() {
        List<String> names = Topics.all().stream().map(Topic::name).toList();

        assertThat(names).doesNotHaveDuplicates();
    }

    @Test
    void everyCatalogEntityHasACompactedTopicNamedAfterIt() {
        for (CatalogEntity entity : CatalogEntity.values()) {
            Topic<?, ?> topic = Topics.catalog(entity);

            assertThat(topic.name()).isEqualTo("catalog." + entity.wireName());
            assertThat(topic.configs()).containsEntry(TopicConfig.CLEANUP_POLICY_CONFIG, "compact")
                    .containsEntry(TopicConfig.RETENTION_MS_CONFIG, "-1");
        }
    }

    @Test
    void eventTopicsExpireAndHaveDeadLetterTopics() {
        assertThat(Topics.OUTCOMES.configs()).containsEntry(TopicConfig.CLEANUP_POLICY_CONFIG, "delete");
        assertThat(Long.parseLong(Topics.OUTCOMES.configs().get(TopicConfig.RETENTION_MS_CONFIG))).isPositive();
        assertThat(Topics.all()).extracting(Topic::name).contains("outcomes.dlq", "tracker-events.dlq", "decisions.dlq", "decision-traces");
    }

    @Test
    void sourcesAndSinksAreNamedAfterTheTopic() {
        assertThat(Topics.DECISIONS.consumed()).isNotNull();
        assertThat(Topics.DECISIONS.record(null, null).topic()).isEqualTo("decisions");
    }
}
