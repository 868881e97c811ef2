package io.nextbest.ingest.respond;

import io.nextbest.ingest.readmodel.IngestReadModels;
import io.nextbest.ingest.readmodel.IngestReadModelsTopology;
import io.nextbest.ingest.readmodel.RecentRecommendation;
import io.nextbest.ingest.readmodel.RecommendationKey;
import io.nextbest.ingest.system.IngestProperties;
import io.nextbest.support.query.InteractiveQuery;
import io.nextbest.support.query.InternalToken;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.streams.state.HostInfo;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.web.reactive.function.client.WebClient;

/** Respond's wiring: the outcome resolver and the interactive query of customers' recent decisions. */
@Configuration(proxyBeanMethods = false)
class RespondConfiguration {

    @Bean
    InternalToken ingestInternalToken(@Value("${nextbest.security.api-key-pepper}") String pepper) {
        return InternalToken.fromPepper(pepper, "ingest-interactive-query");
    }

    @Bean
    InteractiveQuery<RecommendationKey, RecentRecommendation> ingestRecentDecisionsQuery(BeanFactory beans, IngestProperties settings,
                                                                             @Qualifier("ingestInternalToken") InternalToken token,
                                                                             @Value("${server.port:8082}") int serverPort) {
        IngestProperties.Query query = settings.query();
        WebClient client = WebClient.builder().defaultHeader(InternalToken.HEADER, token.value()).build();
        return new InteractiveQuery<>(
                () -> beans.getBean("&ingestReadModels", StreamsBuilderFactoryBean.class).getKafkaStreams(),
                IngestReadModelsTopology.RECENT_RECOMMENDATIONS_STORE, RecommendationKey.partitioning(),
                new HostInfo(query.advertisedHost(), serverPort),
                key -> RecentDecisionsEndpoint.PATH + "?tenant=" + encode(key.customer().tenant().value())
                        + "&customer=" + encode(key.customer().id()) + "&recommendation=" + encode(key.recommendationId()),
                RecentRecommendation.class,
                new InteractiveQuery.Settings(query.notReadyAttempts(), query.notReadyBackoff(), query.forwardTimeout()),
                client);
    }

    @Bean
    OutcomeResolver ingestOutcomeResolver(IngestReadModels readModels, InteractiveQuery<RecommendationKey, RecentRecommendation> recentDecisions) {
        return new OutcomeResolver(readModels, recentDecisions);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
