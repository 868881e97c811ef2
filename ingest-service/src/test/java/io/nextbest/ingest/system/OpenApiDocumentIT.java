package io.nextbest.ingest.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.model.Request;
import io.nextbest.ingest.fixtures.IngestFixtures;
import io.nextbest.ingest.readmodel.IngestReadModels;
import io.nextbest.model.tenant.TenantId;
import io.nextbest.testsupport.KafkaIntegrationTest;
import io.nextbest.testsupport.OpenApiContract;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/** ingest-service publishes its OpenAPI document, and its real answers are the documented ones. */
@KafkaIntegrationTest
class OpenApiDocumentIT {

    private static final OpenApiContract CONTRACT = OpenApiContract.load("static/openapi/ingest.yaml");

    @Autowired
    WebTestClient web;
    @Autowired
    IngestReadModels readModels;
    @Value("${nextbest.security.api-key-pepper}")
    String pepper;

    TenantId project;
    String apiKey;

    @BeforeEach
    void projectWithKeyTrackerCreditAndACreative() {
        IngestFixtures fixtures = new IngestFixtures(readModels, pepper);
        project = IngestFixtures.newTenant();
        apiKey = fixtures.apiKeyOf(project);
        fixtures.webTracker(project, "web-1", "shop.example.com");
        fixtures.creditOf(project, 100);
        fixtures.offer(project, "offer-abc", "Starbucks: Discount — 10 Day Low");
        fixtures.emailCreative(project, "creative-xyz", "offer-abc", "channel-email");
    }

    @Test
    void theDocumentIsServedAndWellFormed() {
        assertThat(CONTRACT.problems()).isEmpty();
        String served = web.get().uri("/openapi/ingest.yaml").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(served).isEqualTo(CONTRACT.text());
        assertThat(CONTRACT.operations()).extracting(OpenApiContract.DocumentedOperation::path)
                .containsExactlyInAnyOrder("/collector/collect/custom/{kainic_pid}/{kainic_tid}", "/api/v1/respond");
    }

    @Test
    void anAcceptedBatchIsAnsweredAsDocumented() {
        String path = "/collector/collect/custom/" + project.value() + "/web-1";
        var answer = web.post().uri(path + "?api_key=" + apiKey).header("Origin", "https://shop.example.com")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(List.of(Map.of("platform", "web", "anon_uid", "anon-1", "event_type", "view_item",
                        "items", List.of(Map.of("item_id", "sku-1")))))
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult();
        assertDocumented(path, answer);
    }

    @Test
    void refusedBatchesAreAnsweredAsDocumented() {
        String path = "/collector/collect/custom/" + project.value() + "/web-1";
        assertDocumented(path, web.post().uri(path).contentType(MediaType.APPLICATION_JSON).bodyValue("[]")
                .exchange().expectStatus().isUnauthorized().expectBody(String.class).returnResult());
        assertDocumented(path, web.post().uri(path + "?api_key=" + apiKey).header("Origin", "https://shop.example.com")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(List.of(Map.of("platform", "web")))
                .exchange().expectStatus().isBadRequest().expectBody(String.class).returnResult());
        String unknownTracker = "/collector/collect/custom/" + project.value() + "/no-such-tracker";
        assertDocumented(unknownTracker, web.post().uri(unknownTracker + "?api_key=" + apiKey)
                .contentType(MediaType.APPLICATION_JSON).bodyValue("[]")
                .exchange().expectStatus().isNotFound().expectBody(String.class).returnResult());
    }

    @Test
    void aRecordedOutcomeIsAnsweredAsDocumented() {
        assertDocumented("/api/v1/respond", respond(Map.of("customerId", "SBX-000100", "creativeId", "creative-xyz",
                "channelId", "channel-email", "outcome", "click", "idempotencyKey", "openapi-click-1"))
                .expectStatus().isCreated().expectBody(String.class).returnResult());
    }

    @Test
    void refusedOutcomesAreAnsweredAsDocumented() {
        assertDocumented("/api/v1/respond", respond(Map.of("outcome", "click", "idempotencyKey", "k"))
                .expectStatus().isBadRequest().expectBody(String.class).returnResult());
        assertDocumented("/api/v1/respond", respond(Map.of("customerId", "c", "creativeId", "nope", "outcome", "click", "idempotencyKey", "k"))
                .expectStatus().isNotFound().expectBody(String.class).returnResult());
        assertDocumented("/api/v1/respond", respond(Map.of("customerId", "c", "creativeId", "creative-xyz", "outcome", "teleport", "idempotencyKey", "k"))
                .expectStatus().isEqualTo(422).expectBody(String.class).returnResult());
        assertDocumented("/api/v1/respond", web.post().uri("/api/v1/respond").contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange().expectStatus().isUnauthorized().expectBody(String.class).returnResult());
    }

    private WebTestClient.ResponseSpec respond(Map<String, Object> body) {
        return web.post().uri("/api/v1/respond")
                .header("X-Tenant-Id", project.value()).header("X-API-Key", apiKey).header("X-Requested-With", "XMLHttpRequest")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    private static void assertDocumented(String path, EntityExchangeResult<String> answer) {
        CONTRACT.assertDocumentedResponse(path, Request.Method.POST, answer.getStatus().value(), answer.getResponseBody());
    }
}
