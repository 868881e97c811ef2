package io.nextbest.support;

import io.nextbest.support.streams.StreamsAppStates;
import io.nextbest.support.streams.StreamsProperties;
import io.nextbest.support.streams.StreamsHealthIndicator;
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
    StreamsHealthIndicator kafkaStreamsReadinessHealthIndicator(StreamsAppStates states) {
        return StreamsHealthIndicator.readiness(states);
    }

    @Bean
    StreamsHealthIndicator kafkaStreamsLivenessHealthIndicator(StreamsAppStates states) {
        return StreamsHealthIndicator.liveness(states);
    }
}
