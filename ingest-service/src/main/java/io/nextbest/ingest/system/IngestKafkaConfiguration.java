package io.nextbest.ingest.system;

import io.micrometer.core.instrument.MeterRegistry;
import io.nextbest.ingest.readmodel.IngestReadModelsTopology;
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

/** ingest-service's topics (what it writes and what its read models read) and its Streams app. */
@Configuration(proxyBeanMethods = false)
class IngestKafkaConfiguration {

    static final String READ_MODELS_APP = "ingest-read-models";

    @Bean
    KafkaAdmin.NewTopics ingestTopics(TopicProperties settings) {
        List<Topic<?, ?>> topics = new ArrayList<>(List.of(Topics.TRACKER_EVENTS, Topics.OUTCOMES, Topics.CREDIT_LEDGER));
        topics.addAll(IngestReadModelsTopology.sourceTopics());
        return TopicDeclarations.of(topics, settings);
    }

    @Bean
    StreamsBuilderFactoryBean ingestReadModels(KafkaProperties kafka, StreamsProperties settings,
                                               StreamsAppStates states, MeterRegistry meters) {
        return StreamsApps.create(READ_MODELS_APP, new IngestReadModelsTopology()::buildTopology, kafka, settings, states, meters);
    }
}
