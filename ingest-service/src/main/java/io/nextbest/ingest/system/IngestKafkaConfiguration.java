package io.nextbest.ingest.system;

import io.micrometer.core.instrument.MeterRegistry;
import io.nextbest.support.auth.ApiKeyAuthenticator;
import io.nextbest.support.auth.RateLimits;
import io.nextbest.support.publish.DurablePublisher;
import io.nextbest.ingest.readmodel.IngestReadModels;
import io.nextbest.ingest.readmodel.IngestReadModelsTopology;
import io.nextbest.ingest.readmodel.IngestRecordCaches;
import io.nextbest.model.auth.ApiKeyHashing;
import io.nextbest.model.topic.Topic;
import io.nextbest.model.topic.Topics;
import io.nextbest.support.streams.StreamsAppStates;
import io.nextbest.support.streams.StreamsApps;
import io.nextbest.support.streams.StreamsProperties;
import io.nextbest.support.topics.TopicDeclarations;
import io.nextbest.support.topics.TopicProperties;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
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
 * ingest-service's Kafka wiring: the topics it writes and reads, its Streams app of read models,
 * the durable producer, and the key check and rate limits built on them. Bean names carry the
 * service name because standalone composes four services in one context.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IngestProperties.class)
class IngestKafkaConfiguration {

    static final String READ_MODELS_APP = "ingest-read-models";
    private static final String READ_MODELS_BEAN = "ingestReadModels";

    @Bean
    KafkaAdmin.NewTopics ingestTopics(TopicProperties settings) {
        List<Topic<?, ?>> topics = new ArrayList<>(List.of(Topics.TRACKER_EVENTS, Topics.OUTCOMES, Topics.CREDIT_LEDGER));
        topics.addAll(IngestReadModelsTopology.sourceTopics());
        return TopicDeclarations.of(topics, settings);
    }

    @Bean(READ_MODELS_BEAN)
    StreamsBuilderFactoryBean ingestReadModels(KafkaProperties kafka, StreamsProperties settings, IngestProperties ingest,
                                               StreamsAppStates states, MeterRegistry meters, IngestRecordCaches caches,
                                               @Value("${server.port:8082}") int serverPort) {
        // application.server lets every instance find the owner of a customer's recent decisions.
        String advertised = ingest.query().advertisedHost() + ":" + serverPort;
        return StreamsApps.create(READ_MODELS_APP, new IngestReadModelsTopology(ingest.decisions().perCustomer(), caches)::buildTopology,
                kafka, settings, states, meters, Map.of(StreamsConfig.APPLICATION_SERVER_CONFIG, advertised,
                        StreamsConfig.mainConsumerPrefix(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG), (int) ingest.decisions().fetchMaxWait().toMillis(),
                        StreamsConfig.mainConsumerPrefix(ConsumerConfig.FETCH_MIN_BYTES_CONFIG), (int) ingest.decisions().fetchMinBytes().toBytes()));
    }

    @Bean
    IngestRecordCaches ingestRecordCaches() {
        return new IngestRecordCaches();
    }

    @Bean
    IngestReadModels ingestReadModelStores(BeanFactory beans, IngestProperties settings, IngestRecordCaches caches) {
        return new IngestReadModels(() -> beans.getBean("&" + READ_MODELS_BEAN, StreamsBuilderFactoryBean.class).getKafkaStreams(),
                settings.broker().retryAfter(), caches);
    }

    @Bean
    DurablePublisher ingestPublisher(KafkaProperties kafka, IngestProperties settings, MeterRegistry meters) {
        return new DurablePublisher(kafka.buildProducerProperties(), settings.broker(), "nextbest.ingest.produce.latency", meters);
    }

    @Bean
    ApiKeyAuthenticator ingestApiKeyAuthenticator(IngestReadModels readModels,
                                                  @Value("${nextbest.security.api-key-pepper}") String pepper) {
        return new ApiKeyAuthenticator(readModels::apiKey, new ApiKeyHashing(pepper), Clock.systemUTC());
    }

    @Bean
    RateLimits ingestRateLimits(IngestProperties settings) {
        return new RateLimits(settings.rateLimit());
    }
}
