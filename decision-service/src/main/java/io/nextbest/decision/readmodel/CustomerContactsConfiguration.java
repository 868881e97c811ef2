package io.nextbest.decision.readmodel;

import io.nextbest.decision.system.DecisionProperties;
import io.nextbest.model.stats.ContactHistory;
import io.nextbest.model.tenant.TenantKey;
import io.nextbest.model.topic.Topics;
import io.nextbest.support.query.InteractiveQuery;
import org.apache.kafka.streams.state.HostInfo;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The interactive query of the partitioned customer-contacts store: local when this instance owns
 * the customer's partition, else forwarded to the owner's {@link CustomerContactsEndpoint} with the
 * {@link InternalToken}. This instance's address is {@code query.advertised-host:server.port}, the
 * same value the read-model app advertises as {@code application.server}; in standalone every
 * service shares that port and the internal path is decision's own.
 */
@Configuration(proxyBeanMethods = false)
class CustomerContactsConfiguration {

    @Bean
    InternalToken decisionInternalToken(@Value("${nextbest.security.api-key-pepper}") String pepper) {
        return InternalToken.fromPepper(pepper);
    }

    @Bean
    InteractiveQuery<TenantKey, ContactHistory> decisionCustomerContactsQuery(BeanFactory beans, DecisionProperties settings,
                                                                              InternalToken token,
                                                                              @Value("${server.port:8084}") int serverPort) {
        DecisionProperties.Query query = settings.query();
        WebClient client = WebClient.builder().defaultHeader(InternalToken.HEADER, token.value()).build();
        return new InteractiveQuery<>(
                () -> beans.getBean("&decisionReadModels", StreamsBuilderFactoryBean.class).getKafkaStreams(),
                DecisionReadModelsTopology.CUSTOMER_CONTACTS_STORE, Topics.CUSTOMER_CONTACTS.keySerde().serializer(),
                new HostInfo(query.advertisedHost(), serverPort),
                CustomerContactsEndpoint::forwardPath,
                ContactHistory.class,
                new InteractiveQuery.Settings(query.notReadyAttempts(), query.notReadyBackoff(), query.forwardTimeout()),
                client);
    }
}
