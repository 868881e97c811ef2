package io.nextbest.decision.system;

import io.micrometer.core.instrument.MeterRegistry;
import io.nextbest.decision.readmodel.DecisionReadModelsTopology;
import io.nextbest.model.topic.Topic;
import io.nextbest.model.topic.Topics;
import io.nextbest.support.streams.StreamsAppStates;
import io.nextbest.support.streams.StreamsApps;
import io.nextbest.support.streams.StreamsProperties;
import io.nextbest.support.topics.TopicDeclarations;
import io.nextbest.support.topics.TopicProperties;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.kafka.core.KafkaAdmin;

/** decision-service's topics (the decisions it writes, the catalog it reads) and its read-model Streams app. */
@Configuration(proxyBeanMethods = false)
class DecisionKafkaConfiguration {

    static final String READ_MODELS_APP = "decision-read-models";

    @Bean
    KafkaAdmin.NewTopics decisionTopics(TopicProperties settings) {
        List<Topic<?, ?>> topics = new ArrayList<>(List.of(Topics.DECISIONS));
        topics.addAll(DecisionReadModelsTopology.sourceTopics());
        return TopicDeclarations.of(topics, settings);
    }

    @Bean
    StreamsBuilderFactoryBean decisionReadModels(KafkaProperties kafka, StreamsProperties settings,
                                                 StreamsAppStates states, MeterRegistry meters) {
        return StreamsApps.create(READ_MODELS_APP, new DecisionReadModelsTopology()::buildTopology, kafka, settings, states, meters);
    }
}
