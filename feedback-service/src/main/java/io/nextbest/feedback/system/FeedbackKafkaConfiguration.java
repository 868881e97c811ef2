package io.nextbest.feedback.system;

import io.micrometer.core.instrument.MeterRegistry;
import io.nextbest.feedback.FeedbackTopology;
import io.nextbest.support.streams.StreamsAppStates;
import io.nextbest.support.streams.StreamsApps;
import io.nextbest.support.streams.StreamsProperties;
import io.nextbest.support.topics.TopicDeclarations;
import io.nextbest.support.topics.TopicProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.kafka.core.KafkaAdmin;

/** feedback-service's topics and its one Streams app. */
@Configuration(proxyBeanMethods = false)
class FeedbackKafkaConfiguration {

    static final String FEEDBACK_APP = "feedback";

    @Bean
    KafkaAdmin.NewTopics feedbackTopics(TopicProperties settings) {
        return TopicDeclarations.of(FeedbackTopology.topics(), settings);
    }

    @Bean
    StreamsBuilderFactoryBean feedbackStreams(KafkaProperties kafka, StreamsProperties settings,
                                              StreamsAppStates states, MeterRegistry meters) {
        return StreamsApps.create(FEEDBACK_APP, new FeedbackTopology()::buildTopology, kafka, settings, states, meters);
    }
}
