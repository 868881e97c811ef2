package io.nextbest.decision.readmodel;

import io.nextbest.decision.system.DecisionProperties;
import io.nextbest.model.tenant.TenantKey;
import io.nextbest.support.query.InteractiveQuery;
import io.nextbest.support.query.InternalToken;
import org.apache.kafka.streams.state.HostInfo;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The interactive queries of the partitioned read models ({@link PartitionedReadModel}): local when
 * this instance owns the key's partition, else forwarded to the owner's {@link ForwardedLookupEndpoint}
 * with the {@link InternalToken}. This instance's address is {@code query.advertised-host:server.port},
 * the same value the read-model app advertises as {@code application.server}; in standalone every
 * service shares that port and the internal paths are decision's own.
 */
@Configuration(proxyBeanMethods = false)
class PartitionedLookupsConfiguration {

    @Bean
    InternalToken decisionInternalToken(@Value("${nextbest.security.api-key-pepper}") String pepper) {
        return InternalToken.fromPepper(pepper, "decision-interactive-query");
    }

    @Bean
    PartitionedLookups decisionPartitionedLookups(BeanFactory beans, DecisionProperties settings, @Qualifier("decisionInternalToken") InternalToken token,
                                                  @Value("${server.port:8084}") int serverPort) {
        DecisionProperties.Query query = settings.query();
        // One client for all read models: same token, same owners.
        WebClient client = WebClient.builder().defaultHeader(InternalToken.HEADER, token.value()).build();
        HostInfo self = new HostInfo(query.advertisedHost(), serverPort);
        InteractiveQuery.Settings bounds = new InteractiveQuery.Settings(query.notReadyAttempts(), query.notReadyBackoff(),
                query.forwardTimeout());
        return new PartitionedLookups(new PartitionedLookups.QueryFactory() {
            @Override
            public <V> InteractiveQuery<TenantKey, V> create(PartitionedReadModel<V> model) {
                return new InteractiveQuery<>(
                        () -> beans.getBean("&decisionReadModels", StreamsBuilderFactoryBean.class).getKafkaStreams(),
                        model.storeName(), model.topic().keySerde().serializer(), self, model::forwardPath,
                        model.valueType(), bounds, client);
            }
        });
    }
}
