package io.nextbest.feedback.system;

import io.micrometer.core.instrument.MeterRegistry;
import io.nextbest.feedback.FeedbackProperties;
import io.nextbest.feedback.FeedbackTopology;
import io.nextbest.support.streams.StreamsAppStates;
import io.nextbest.support.streams.StreamsApps;
import io.nextbest.support.streams.StreamsProperties;
import io.nextbest.support.topics.TopicDeclarations;
import io.nextbest.support.topics.TopicProperties;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.streams.StreamsConfig;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.kafka.core.KafkaAdmin;

/** feedback-service's topics and its one Streams app, with the app's dead-letter error handling. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(FeedbackProperties.class)
class FeedbackKafkaConfiguration {

    static final String FEEDBACK_APP = "feedback";

    @Bean
    KafkaAdmin.NewTopics feedbackTopics(TopicProperties settings) {
        return TopicDeclarations.of(FeedbackTopology.topics(), settings);
    }

    @Bean
    StreamsBuilderFactoryBean feedbackStreams(KafkaProperties kafka, StreamsProperties settings, FeedbackProperties feedback,
                                              StreamsAppStates states, MeterRegistry meters) {
        return StreamsApps.create(FEEDBACK_APP, new FeedbackTopology(feedback)::buildTopology, kafka,
                withErrorHandling(settings), states, meters, visibility(feedback.visibility()));
    }

    static Map<String, Object> visibility(FeedbackProperties.Visibility visibility) {
        return Map.of(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, visibility.commitInterval().toMillis(),
                StreamsConfig.POLL_MS_CONFIG, visibility.poll().toMillis());
    }

    // Operator overrides still win over the topology's error handling.
    private static StreamsProperties withErrorHandling(StreamsProperties settings) {
        Map<String, String> overrides = new HashMap<>(FeedbackTopology.errorHandling());
        overrides.putAll(settings.overrides());
        return settings.withOverrides(overrides);
    }
}
