package io.nextbest.catalog.apikey;

import static io.nextbest.catalog.admin.AdminFixturesAccess.admin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.nextbest.catalog.CatalogIntegrationTest;
import io.nextbest.catalog.TopicReader;
import io.nextbest.model.auth.ApiKeyHashing;
import io.nextbest.model.catalog.CatalogEntity;
import io.nextbest.model.catalog.entity.ApiKey;
import io.nextbest.model.json.Json;
import io.nextbest.model.topic.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/** A raw API key leaves the service exactly once, in the issuing answer: never in the database, a topic or the log. */
@CatalogIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class ApiKeySecrecyIT {

    @Autowired
    WebTestClient web;
    @Autowired
    DatabaseClient db;
    @Value("${nextbest.security.api-key-pepper}")
    String pepper;

    @Test
    void rawKeyIsNowhereButTheHashIsPublished(CapturedOutput output) {
        var admin = admin(web);
        byte[] body = admin.post("/admin/v1/api-keys", Map.of("name", "collector", "kind", "api")).exchange()
                .expectStatus().isCreated().expectBody().returnResult().getResponseBody();
        String raw = Json.mapper().readTree(body).get("key").asString();
        String prefix = ApiKeyHashing.prefixOf(raw).orElseThrow();
        String secret = raw.substring(prefix.length() + 1);

        List<String> databaseText = db.sql("SELECT body::text AS t FROM api_keys UNION ALL SELECT coalesce(payload::text, '') FROM outbox"
                        + " UNION ALL SELECT value FROM catalog_settings")
                .map((row, meta) -> row.get("t", String.class)).all().collectList().block();
        assertThat(databaseText).isNotEmpty().noneMatch(text -> text.contains(secret));

        var topic = Topics.catalog(CatalogEntity.API_KEY);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            var records = TopicReader.readAll(topic.name(), admin.tenant() + ":" + prefix);
            assertThat(records).hasSize(1);
            assertThat(new String(records.get(0).value(), StandardCharsets.UTF_8)).doesNotContain(secret);
            ApiKey published = topic.valueSerde().deserializer().deserialize(topic.name(), records.get(0).value()).payloadAs(ApiKey.class);
            assertThat(new ApiKeyHashing(pepper).matches(raw, published.hash())).isTrue();
        });

        assertThat(output.getAll()).doesNotContain(secret);
    }
}
