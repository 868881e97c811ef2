package io.nextbest.decision.prediction;

import static org.assertj.core.api.Assertions.assertThat;

import io.nextbest.decision.fixtures.DecisionFixtures;
import io.nextbest.decision.readmodel.DecisionReadModels;
import io.nextbest.model.catalog.entity.Model;
import io.nextbest.model.tenant.TenantId;
import io.nextbest.testsupport.KafkaIntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The limits of the prediction endpoints in a context of their own: a two-request budget per key
 * (429), and the general failure when the read models stop (503 in the reference's
 * "Prediction request failed from project …" wording). The last test stops the read models, so
 * the context is discarded afterwards.
 */
@KafkaIntegrationTest(properties = {
        "nextbest.decision.rate-limit.capacity=2", "nextbest.decision.rate-limit.refill-tokens=1", "nextbest.decision.rate-limit.refill-period=1h"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PredictionLimitsIT {

    @Autowired
    WebTestClient web;
    @Autowired
    DecisionReadModels readModels;
    @Autowired
    @Qualifier("&decisionReadModels")
    StreamsBuilderFactoryBean readModelsApp;
    @Value("${nextbest.security.api-key-pepper}")
    String pepper;

    DecisionFixtures fixtures;
    TenantId tenant;

    @BeforeEach
    void tenantWithAPopularModel() {
        fixtures = new DecisionFixtures(readModels, pepper);
        tenant = DecisionFixtures.newTenant();
        fixtures.model(tenant, new Model("m-popular", "Popular", "popular", "parent", true, "job-pop"));
    }

    @AfterEach
    void closeFixtures() {
        fixtures.close();
    }

    @Test
    @Order(1)
    void aKeyOverItsBudgetIs429WithRetryAfter() {
        String key = fixtures.apiKeyOf(tenant);
        predict(key).expectStatus().isOk().expectHeader().valueEquals("X-RateLimit-Remaining", "1");
        predict(key).expectStatus().isOk().expectHeader().valueEquals("X-RateLimit-Remaining", "0");

        predict(key).expectStatus().isEqualTo(429)
                .expectHeader().exists(HttpHeaders.RETRY_AFTER)
                .expectHeader().valueEquals("X-RateLimit-Limit", "2")
                .expectBody().jsonPath("$.status").isEqualTo("fail")
                .jsonPath("$.message").value(message -> assertThat((String) message)
                        .startsWith("Rate limit exceeded, retry after "));
    }

    @Test
    @Order(2)
    void readModelsThatAreNotRunningAre503WithTheGeneralFailureMessageAndNoExceptionText() {
        String key = fixtures.apiKeyOf(tenant);
        readModelsApp.stop();

        predict(key).expectStatus().isEqualTo(503)
                .expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "5")
                .expectBody().jsonPath("$.status").isEqualTo("fail")
                .jsonPath("$.message").isEqualTo("Prediction request failed from project " + tenant.value()
                        + ": service temporarily unavailable, retry later");
    }

    private WebTestClient.ResponseSpec predict(String key) {
        return web.post().uri(uri -> uri.path("/predictor/get_model_prediction").queryParam("api_key", key).build())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("kainic_pid", tenant.value(), "kainic_mid", "m-popular", "type", "popular")).exchange();
    }
}
