package io.nextbest.catalog.system;

import io.nextbest.model.catalog.CatalogEntity;
import io.nextbest.model.topic.Topic;
import io.nextbest.model.topic.Topics;
import io.nextbest.support.topics.TopicDeclarations;
import io.nextbest.support.topics.TopicProperties;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

/** catalog-service's topics: one compacted topic per catalog entity, and the ledger it writes top-ups to. */
@Configuration(proxyBeanMethods = false)
class CatalogKafkaConfiguration {

    @Bean
    KafkaAdmin.NewTopics catalogTopics(TopicProperties settings) {
        List<Topic<?, ?>> topics = new ArrayList<>();
        Arrays.stream(CatalogEntity.values()).map(Topics::catalog).forEach(topics::add);
        topics.add(Topics.CREDIT_LEDGER);
        return TopicDeclarations.of(topics, settings);
    }
}
