package io.nextbest.decision.system;

import io.micrometer.core.instrument.MeterRegistry;
import io.nextbest.decision.readmodel.CatalogSnapshots;
import io.nextbest.decision.readmodel.DecisionReadModels;
import io.nextbest.decision.readmodel.DecisionReadModelsTopology;
import io.nextbest.decision.readmodel.OfferStatsSnapshots;
import io.nextbest.decision.readmodel.PartitionedLookups;
import io.nextbest.model.auth.ApiKeyHashing;
import io.nextbest.model.topic.Topic;
import io.nextbest.model.topic.Topics;
import io.nextbest.support.auth.ApiKeyAuthenticator;
import io.nextbest.support.auth.RateLimits;
import io.nextbest.support.publish.DurablePublisher;
import io.nextbest.support.streams.StreamsAppStates;
import io.nextbest.support.streams.StreamsApps;
import io.nextbest.support.streams.StreamsProperties;
import io.nextbest.support.topics.TopicDeclarations;
import io.nextbest.support.topics.TopicProperties;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.StreamsConfig;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * decision-service's Kafka wiring: the topics it writes (decisions, decision traces, implicit impressions) and
 * reads (catalog, API keys, statistics), its read-model Streams app, the durable producer, and the
 * shared key check and rate limits over its own API-key store. Bean names carry the service name
 * because standalone composes four services in one context.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DecisionProperties.class)
class DecisionKafkaConfiguration {

    static final String READ_MODELS_APP = "decision-read-models";
    private static final String READ_MODELS_BEAN = "decisionReadModels";

    @Bean
    KafkaAdmin.NewTopics decisionTopics(TopicProperties settings) {
        List<Topic<?, ?>> topics = new ArrayList<>(List.of(Topics.DECISIONS, Topics.DECISION_TRACES, Topics.OUTCOMES));
        topics.addAll(DecisionReadModelsTopology.sourceTopics());
        return TopicDeclarations.of(topics, settings);
    }

    /** Written by the read-model topology's catalog store updaters, read by recommend. */
    @Bean
    CatalogSnapshots decisionCatalogSnapshots() {
        return new CatalogSnapshots();
    }

    /** Kept current by the read-model topology's offer-stats store updater, read by recommend. */
    @Bean
    OfferStatsSnapshots decisionOfferStatsSnapshots() {
        return new OfferStatsSnapshots();
    }

    @Bean(READ_MODELS_BEAN)
    StreamsBuilderFactoryBean decisionReadModels(KafkaProperties kafka, StreamsProperties settings, DecisionProperties decision,
                                                 StreamsAppStates states, MeterRegistry meters, CatalogSnapshots snapshots,
                                                 OfferStatsSnapshots offerStatsSnapshots,
                                                 @Value("${server.port:8084}") int serverPort) {
        // application.server lets every instance find the owner of a customer's contacts or a user's recent items.
        String advertised = decision.query().advertisedHost() + ":" + serverPort;
        return StreamsApps.create(READ_MODELS_APP, new DecisionReadModelsTopology(snapshots, offerStatsSnapshots)::buildTopology, kafka, settings,
                states, meters, Map.of(StreamsConfig.APPLICATION_SERVER_CONFIG, advertised));
    }

    @Bean
    DecisionReadModels decisionReadModelStores(BeanFactory beans, CatalogSnapshots snapshots, OfferStatsSnapshots offerStatsSnapshots,
                                               PartitionedLookups partitioned) {
        return new DecisionReadModels(() -> beans.getBean("&" + READ_MODELS_BEAN, StreamsBuilderFactoryBean.class).getKafkaStreams(),
                partitioned, snapshots, offerStatsSnapshots);
    }

    @Bean
    DurablePublisher decisionPublisher(KafkaProperties kafka, DecisionProperties settings, MeterRegistry meters) {
        return new DurablePublisher(kafka.buildProducerProperties(), settings.broker(), "nextbest.decision.produce.latency", meters);
    }

    @Bean
    ApiKeyAuthenticator decisionApiKeyAuthenticator(DecisionReadModels readModels,
                                                    @Value("${nextbest.security.api-key-pepper}") String pepper) {
        return new ApiKeyAuthenticator(readModels::apiKey, new ApiKeyHashing(pepper), Clock.systemUTC());
    }

    @Bean
    RateLimits decisionRateLimits(DecisionProperties settings) {
        return new RateLimits(settings.rateLimit());
    }
}
