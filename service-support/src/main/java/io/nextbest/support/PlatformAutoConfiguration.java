package io.nextbest.support;

import io.nextbest.support.streams.StreamsAppStates;
import io.nextbest.support.streams.StreamsLivenessIndicator;
import io.nextbest.support.streams.StreamsProperties;
import io.nextbest.support.streams.StreamsReadinessIndicator;
import io.nextbest.support.topics.TopicProperties;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Wiring every service shares, registered once per process however many services it runs:
 * topic and Streams settings, and the Streams health indicators behind the readiness and liveness
 * groups ({@code kafkaStreamsReadiness}, {@code kafkaStreamsLiveness}).
 */
@AutoConfiguration
@EnableConfigurationProperties({TopicProperties.class, StreamsProperties.class})
public class PlatformAutoConfiguration {

    @Bean
    StreamsAppStates streamsAppStates() {
        return new StreamsAppStates();
    }

    @Bean
    StreamsReadinessIndicator kafkaStreamsReadinessHealthIndicator(StreamsAppStates states) {
        return new StreamsReadinessIndicator(states);
    }

    @Bean
    StreamsLivenessIndicator kafkaStreamsLivenessHealthIndicator(StreamsAppStates states) {
        return new StreamsLivenessIndicator(states);
    }
}
