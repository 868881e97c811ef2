package io.nextbest.decision.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.model.Request;
import io.nextbest.decision.fixtures.DecisionFixtures;
import io.nextbest.decision.readmodel.DecisionReadModels;
import io.nextbest.model.catalog.entity.Model;
import io.nextbest.model.tenant.TenantId;
import io.nextbest.testsupport.KafkaIntegrationTest;
import io.nextbest.testsupport.OpenApiContract;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/** decision-service publishes its OpenAPI document, and its real answers are the documented ones. */
@KafkaIntegrationTest
class OpenApiDocumentIT {

    private static final OpenApiContract CONTRACT = OpenApiContract.load("static/openapi/decision.yaml");
    private static final String RECOMMEND = "/api/v1/recommend";
    private static final String MODEL_PREDICTION = "/predictor/get_model_prediction";
    private static final String EXPERIMENT_PREDICTION = "/predictor/get_experiment_prediction";

    @Autowired
    WebTestClient web;
    @Autowired
    DecisionReadModels readModels;
    @Value("${nextbest.security.api-key-pepper}")
    String pepper;

    DecisionFixtures fixtures;
    TenantId tenant;
    String apiKey;

    @BeforeEach
    void tenantWithKeyCustomerAndTwoEmailOffers() {
        fixtures = new DecisionFixtures(readModels, pepper);
        tenant = DecisionFixtures.newTenant();
        apiKey = fixtures.apiKeyOf(tenant);
        fixtures.customer(tenant, "SBX-000100");
        fixtures.twoEmailOffers(tenant);
    }

    @AfterEach
    void closeFixtures() {
        fixtures.close();
    }

    @Test
    void theDocumentIsServedAndWellFormed() {
        assertThat(CONTRACT.problems()).isEmpty();
        String served = web.get().uri("/openapi/decision.yaml").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(served).isEqualTo(CONTRACT.text());
        assertThat(CONTRACT.operations()).extracting(OpenApiContract.DocumentedOperation::path).contains(RECOMMEND, MODEL_PREDICTION, EXPERIMENT_PREDICTION);
    }

    @Test
    void recommendationsAreAnsweredAsDocumented() {
        fixtures.activeFlow(tenant, "priority_weighted");
        assertDocumented(recommend(Map.of("customerId", "SBX-000100", "limit", 3, "debug", true))
                .expectStatus().isOk().expectBody(String.class).returnResult());
        assertDocumented(recommend(Map.of("sessionId", "s-1", "placements", java.util.List.of(Map.of("placementId", "hero"))))
                .expectStatus().isOk().expectBody(String.class).returnResult());
    }

    @Test
    void refusedRecommendationsAreAnsweredAsDocumented() {
        assertDocumented(recommend(Map.of("customerId", "SBX-000100"))
                .expectStatus().isNotFound().expectBody(String.class).returnResult());
        assertDocumented(recommend(Map.of("customerId", "SBX-000100", "limit", 51))
                .expectStatus().isEqualTo(422).expectBody(String.class).returnResult());
        assertDocumented(web.post().uri(RECOMMEND).contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange().expectStatus().isUnauthorized().expectBody(String.class).returnResult());
    }

    @Test
    void predictionsAreAnsweredAsDocumented() {
        fixtures.model(tenant, new Model("m-popular", "Popular", "popular", "parent", true, "job-pop"));
        assertDocumented(MODEL_PREDICTION, predict(MODEL_PREDICTION, apiKey,
                Map.of("kainic_pid", tenant.value(), "kainic_mid", "m-popular", "type", "popular", "return_full_items_data", true))
                .expectStatus().isOk().expectBody(String.class).returnResult());
        assertDocumented(MODEL_PREDICTION, predict(MODEL_PREDICTION, apiKey,
                Map.of("kainic_pid", tenant.value(), "kainic_mid", "no-such-model", "type", "popular"))
                .expectStatus().isNotFound().expectBody(String.class).returnResult());
        assertDocumented(MODEL_PREDICTION, predict(MODEL_PREDICTION, apiKey, Map.of("kainic_pid", tenant.value(), "kainic_mid", "m-popular"))
                .expectStatus().isBadRequest().expectBody(String.class).returnResult());
        assertDocumented(EXPERIMENT_PREDICTION, predict(EXPERIMENT_PREDICTION, null, Map.of("kainic_pid", tenant.value()))
                .expectStatus().isUnauthorized().expectBody(String.class).returnResult());
    }

    private WebTestClient.ResponseSpec predict(String path, String key, Map<String, Object> body) {
        return web.post().uri(key == null ? path : path + "?api_key=" + key)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    private WebTestClient.ResponseSpec recommend(Map<String, Object> body) {
        return web.post().uri(RECOMMEND)
                .header("X-Tenant-Id", tenant.value()).header("X-API-Key", apiKey).header("X-Requested-With", "XMLHttpRequest")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    private static void assertDocumented(EntityExchangeResult<String> answer) {
        assertDocumented(RECOMMEND, answer);
    }

    private static void assertDocumented(String path, EntityExchangeResult<String> answer) {
        CONTRACT.assertDocumentedResponse(path, Request.Method.POST, answer.getStatus().value(), answer.getResponseBody());
    }
}
