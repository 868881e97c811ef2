package io.nextbest.catalog.credit;

import io.micrometer.core.instrument.MeterRegistry;
import io.nextbest.model.event.CreditBalance;
import io.nextbest.model.tenant.TenantId;
import io.nextbest.model.topic.Topics;
import io.nextbest.support.streams.StreamsAppStates;
import io.nextbest.support.streams.StreamsApps;
import io.nextbest.support.streams.StreamsProperties;
import io.nextbest.support.topics.TopicDeclarations;
import io.nextbest.support.topics.TopicProperties;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * A project's credit balance as of the local read model; empty while the Streams app is not
 * running yet (the caller answers 503). A project with no ledger entry has balance 0.
 */
@Configuration(proxyBeanMethods = false)
public class CreditBalances {

    private final StreamsBuilderFactoryBean streams;

    CreditBalances(@Qualifier("catalogCreditStreams") StreamsBuilderFactoryBean streams) {
        this.streams = streams;
    }

    public Optional<Long> balanceOf(TenantId project) {
        KafkaStreams kafkaStreams = streams.getKafkaStreams();
        if (kafkaStreams == null || kafkaStreams.state() != KafkaStreams.State.RUNNING) {
            return Optional.empty();
        }
        try {
            ReadOnlyKeyValueStore<TenantId, CreditBalance> store = kafkaStreams.store(StoreQueryParameters.fromNameAndType(
                    CreditReadModelTopology.CREDIT_BALANCES_STORE, QueryableStoreTypes.keyValueStore()));
            CreditBalance balance = store.get(project);
            return Optional.of(balance == null ? 0L : balance.balance());
        } catch (InvalidStateStoreException e) {
            return Optional.empty();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Wiring {

        @Bean
        StreamsBuilderFactoryBean catalogCreditStreams(KafkaProperties kafka, StreamsProperties settings, StreamsAppStates states, MeterRegistry meters) {
            CreditReadModelTopology topology = new CreditReadModelTopology();
            return StreamsApps.create(CreditReadModelTopology.APP_NAME, topology::buildTopology, kafka, settings, states, meters);
        }

        @Bean
        KafkaAdmin.NewTopics catalogCreditTopics(TopicProperties settings) {
            return TopicDeclarations.of(List.of(Topics.CREDIT_BALANCES), settings);
        }
    }
}
