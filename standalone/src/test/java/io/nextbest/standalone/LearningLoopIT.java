package io.nextbest.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.nextbest.model.catalog.entity.Category;
import io.nextbest.model.catalog.entity.Channel;
import io.nextbest.model.catalog.entity.Creative;
import io.nextbest.model.catalog.entity.CustomerProfile;
import io.nextbest.model.catalog.entity.DecisionFlow;
import io.nextbest.model.catalog.entity.Offer;
import io.nextbest.model.catalog.entity.Placement;
import io.nextbest.model.json.Json;
import io.nextbest.testsupport.FreePorts;
import io.nextbest.testsupport.ServiceProbes;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/**
 * The learning loop through all services of one standalone process: a tenant set up through the
 * admin API (catalog → outbox → catalog topics → read models), a recommend (decision), clicks and
 * conversions on one offer through respond (ingest, resolving the recommendation on the customer's
 * partition), folded exactly once into offer statistics (feedback), and the next recommend ranking
 * that offer higher with a higher propensity. Prints how long after the last respond's 201 the
 * change was first visible; asserts only the behaviour, within a generous bound.
 */
class LearningLoopIT {

    private static final String BOOTSTRAP_KEY = "learning-loop-bootstrap-credential";
    private static final String CUSTOMER = "SBX-000100";
    private static final String LEARNING_OFFER = "offer-low";
    /** Five positives on the offer, nothing else learned: (5 + 10 · 0.5) / (5 + 10) with the default smoothing weight 10. */
    private static final double PROPENSITY_AFTER_FIVE_POSITIVES = 10.0 / 15.0;
    private static final Duration GENEROUS = Duration.ofSeconds(30);

    @TempDir
    Path dataDir;

    private final int port = FreePorts.find();
    private String tenant;
    private String apiKey;

    @Test
    void clicksAndConversionsOnOneOfferRaiseItsPropensityAndRankOnTheNextRecommend() {
        try (ConfigurableApplicationContext ignored = start()) {
            WebTestClient web = WebTestClient.bindToServer().baseUrl("http://localhost:" + port)
                    .responseTimeout(Duration.ofSeconds(30)).build();
            ServiceProbes.awaitReadiness(web);
            tenantWithThreeEmailOffersAndAPropensityFlow(web);

            // Given: before any outcome every offer has the neutral propensity and the lowest priority ranks last.
            JsonNode first = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).ignoreExceptions()
                    .until(() -> recommend(web), r -> r.get("count").asInt() == 3 && hasCustomerProfile(r));
            assertThat(rankOf(first, LEARNING_OFFER)).isEqualTo(3);
            assertThat(propensityOf(first, LEARNING_OFFER)).isEqualTo(0.5);
            String recommendationId = first.get("recommendationId").asString();

            // When: one click; then two more clicks and two conversions, each with its own idempotency key, and the
            // first click retried with its key.
            long clicked = respond(web, recommendationId, 3, "click", "loop-0");
            Poll afterOne = pollUntil(web, 6.0 / 11.0);
            respond(web, recommendationId, 3, "click", "loop-0");
            long lastCreated = 0;
            List<String> more = List.of("click", "convert", "click", "convert");
            for (int i = 0; i < more.size(); i++) {
                lastCreated = respond(web, recommendationId, 3, more.get(i), "loop-" + (i + 1));
            }
            Poll afterFive = pollUntil(web, PROPENSITY_AFTER_FIVE_POSITIVES);
            System.out.printf("learning loop: respond 201 -> first recommend showing it: %d ms after one click (%d polls of %s ms), "
                            + "%d ms after the fifth outcome (%d polls of %s ms); propensities seen %s then %s%n",
                    (afterOne.seenAt() - clicked) / 1_000_000, afterOne.millis().size(), afterOne.millis(),
                    (afterFive.seenAt() - lastCreated) / 1_000_000, afterFive.millis().size(), afterFive.millis(),
                    afterOne.propensities(), afterFive.propensities());

            // Then: it ranks first, with the propensity of exactly five positives (the retry was not counted).
            JsonNode seen = afterFive.recommendation();
            assertThat(rankOf(seen, LEARNING_OFFER)).isEqualTo(1);
            assertThat(propensityOf(seen, LEARNING_OFFER)).isGreaterThan(propensityOf(first, LEARNING_OFFER));
            assertThat(propensityOf(seen, "offer-high")).isEqualTo(0.5);
            assertThat(propensityOf(seen, "offer-mid")).isEqualTo(0.5);
            // The retried respond was folded once: the propensity stays at five positives.
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).until(() ->
                    Math.abs(propensityOf(recommend(web), LEARNING_OFFER) - PROPENSITY_AFTER_FIVE_POSITIVES) < 1e-9);
        }
    }

    /** The first recommend in which the learning offer ranks first with {@code propensity}, when it came, and what was seen before. */
    record Poll(JsonNode recommendation, long seenAt, List<Long> millis, List<Double> propensities) {
    }

    private Poll pollUntil(WebTestClient web, double propensity) {
        List<Long> millis = new ArrayList<>();
        List<Double> seen = new ArrayList<>();
        AtomicReference<JsonNode> match = new AtomicReference<>();
        AtomicLong matchedAt = new AtomicLong();
        await().atMost(GENEROUS).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(20)).until(() -> {
            long sent = System.nanoTime();
            JsonNode now = recommend(web);
            long answered = System.nanoTime();
            millis.add((answered - sent) / 1_000_000);
            double current = propensityOf(now, LEARNING_OFFER);
            if (seen.isEmpty() || seen.get(seen.size() - 1) != current) {
                seen.add(current);
            }
            if (rankOf(now, LEARNING_OFFER) == 1 && Math.abs(current - propensity) < 1e-9) {
                match.set(now);
                matchedAt.set(answered);
                return true;
            }
            return false;
        });
        return new Poll(match.get(), matchedAt.get(), millis, seen);
    }

    private ConfigurableApplicationContext start() {
        return StandaloneApplication.start(
                "--server.port=" + port,
                "--nextbest.standalone.data-dir=" + dataDir,
                "--nextbest.standalone.kafka-port=" + FreePorts.find(),
                "--nextbest.standalone.postgres-port=" + FreePorts.find(),
                "--nextbest.catalog.demo.load-on-start=false",
                "--nextbest.catalog.bootstrap-admin-key=" + BOOTSTRAP_KEY);
    }

    private void tenantWithThreeEmailOffersAndAPropensityFlow(WebTestClient web) {
        tenant = "loop-" + UUID.randomUUID().toString().substring(0, 8);
        web.post().uri("/admin/v1/tenants").header("X-API-Key", BOOTSTRAP_KEY).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("id", tenant, "name", "Learning loop")).exchange().expectStatus().isCreated();
        byte[] issued = web.post().uri("/admin/v1/api-keys").header("X-API-Key", BOOTSTRAP_KEY).header("X-Tenant-Id", tenant)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("name", "loop admin", "kind", "admin"))
                .exchange().expectStatus().isCreated().expectBody().returnResult().getResponseBody();
        apiKey = Json.mapper().readTree(issued).get("key").asString();

        create(web, "categories", new Category("cat-retention", "Starbucks: Retention", null, null, List.of()));
        create(web, "channels", new Channel("ch-email", "Starbucks: Email", "email", "active", "explicit",
                List.of(new Placement("hero_banner", "Hero", "banner", 1, "active"))));
        offer(web, "offer-high", "Starbucks: Discount — 10 Day Low", 80);
        offer(web, "offer-mid", "Starbucks: Free Refill", 60);
        offer(web, LEARNING_OFFER, "Starbucks: Pastry Pairing", 40);
        create(web, "customers", new CustomerProfile(CUSTOMER, Map.of("first_name", "Ada"), List.of()));
        create(web, "decision-flows", new DecisionFlow("f-default", "default-flow", "Default flow", "active", true, List.of(),
                new DecisionFlow.Scoring("propensity", null, null), 5, null));
    }

    private void offer(WebTestClient web, String id, String name, int priority) {
        create(web, "offers", new Offer(id, name, null, "cat-retention", null, priority, 50, false, "active", null, null,
                List.of(), Map.of(), List.of()));
        create(web, "creatives", new Creative("cr-" + id, id, "ch-email", null, "Creative " + id, 100, "active",
                Map.of("subject", "Special offer")));
    }

    private void create(WebTestClient web, String entity, Object body) {
        web.post().uri("/admin/v1/" + entity).header("X-API-Key", apiKey).header("X-Tenant-Id", tenant)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Json.mapper().writeValueAsString(body))
                .exchange().expectStatus().isCreated();
    }

    private JsonNode recommend(WebTestClient web) {
        byte[] body = web.post().uri("/api/v1/recommend").header("X-Tenant-Id", tenant).header("X-API-Key", apiKey)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("customerId", CUSTOMER, "limit", 3))
                .exchange().expectStatus().isOk().expectBody().returnResult().getResponseBody();
        return Json.mapper().readTree(body);
    }

    /** Sends one outcome for the offer at {@code rank}; returns when (System.nanoTime) the 201 arrived. */
    private long respond(WebTestClient web, String recommendationId, int rank, String outcome, String idempotencyKey) {
        // The customer's recent recommendations reach ingest's store asynchronously: a 404 before that is retried
        // with the same idempotency key, which is safe by design.
        return await().atMost(GENEROUS).pollInterval(Duration.ofMillis(20)).until(() -> {
            int status = web.post().uri("/api/v1/respond").header("X-Tenant-Id", tenant).header("X-API-Key", apiKey)
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("customerId", CUSTOMER, "recommendationId", recommendationId, "rank", rank,
                            "outcome", outcome, "idempotencyKey", idempotencyKey))
                    .exchange().returnResult(Void.class).getStatus().value();
            return status == 201 ? System.nanoTime() : 0L;
        }, at -> at != 0L);
    }

    private static boolean hasCustomerProfile(JsonNode recommendation) {
        return CUSTOMER.equals(recommendation.get("customerId").asString());
    }

    private static int rankOf(JsonNode recommendation, String offerId) {
        return decision(recommendation, offerId).get("rank").asInt();
    }

    private static double propensityOf(JsonNode recommendation, String offerId) {
        return decision(recommendation, offerId).get("scoreExplanation").get("propensity").asDouble();
    }

    private static JsonNode decision(JsonNode recommendation, String offerId) {
        for (JsonNode decision : recommendation.get("decisions")) {
            if (offerId.equals(decision.get("offerId").asString())) {
                return decision;
            }
        }
        throw new AssertionError(offerId + " is not in " + recommendation);
    }
}
