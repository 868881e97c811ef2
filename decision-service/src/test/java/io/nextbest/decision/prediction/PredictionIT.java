package io.nextbest.decision.prediction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.nextbest.decision.fixtures.DecisionFixtures;
import io.nextbest.decision.readmodel.DecisionReadModels;
import io.nextbest.model.catalog.entity.Experiment;
import io.nextbest.model.catalog.entity.Model;
import io.nextbest.model.catalog.entity.Product;
import io.nextbest.model.stats.ItemNeighbours;
import io.nextbest.model.stats.ItemStats;
import io.nextbest.model.stats.RecentItem;
import io.nextbest.model.stats.UserRecentItems;
import io.nextbest.model.tenant.TenantId;
import io.nextbest.testsupport.KafkaIntegrationTest;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Both prediction endpoints against the real broker: catalog records and feedback's item models
 * are published to their topics, decision's read models pick them up, and the requests go over
 * HTTP with the personalization API's {@code ?api_key=} and body.
 */
@KafkaIntegrationTest
class PredictionIT {

    private static final String MODEL_PATH = "/predictor/get_model_prediction";
    private static final String EXPERIMENT_PATH = "/predictor/get_experiment_prediction";
    private static final Duration HALF_LIFE = Duration.ofDays(7);

    @Autowired
    WebTestClient web;
    @Autowired
    DecisionReadModels readModels;
    @Autowired
    MeterRegistry meters;
    @Value("${nextbest.security.api-key-pepper}")
    String pepper;

    DecisionFixtures fixtures;
    TenantId tenant;
    String apiKey;

    /**
     * Latte (variants grande, and venti sold out), Mocha (variant tall), Chai (sold out), Tea; one
     * model per type and target, one not deployed, one without an endpoint; purchases making
     * latte-grande, mocha and tea popular, plus a sold-out and an unknown item that must not show.
     */
    @BeforeEach
    void coffeeShopWithModelsAndItemModels() {
        fixtures = new DecisionFixtures(readModels, pepper);
        tenant = DecisionFixtures.newTenant();
        apiKey = fixtures.apiKeyOf(tenant);
        product("latte", null, "Latte", 10);
        product("latte-grande", "latte", "Latte (grande)", 3);
        product("latte-venti", "latte", "Latte (venti)", 0);
        product("mocha", null, "Mocha", 5);
        product("mocha-tall", "mocha", "Mocha (tall)", 2);
        product("chai", null, "Chai", 0);
        product("tea", null, "Tea", null);
        fixtures.model(tenant, new Model("m-popular", "Popular", "popular", "parent", true, "job-pop"));
        fixtures.model(tenant, new Model("m-popular-variant", "Popular variants", "popular", "variant", true, "job-popv"));
        fixtures.model(tenant, new Model("m-similar", "Similar", "similar_items", "parent", true, "job-sim"));
        fixtures.model(tenant, new Model("m-personal", "For you", "personalized", "variant", true, "job-per"));
        fixtures.model(tenant, new Model("m-undeployed", "Draft", "popular", "parent", false, null));
        fixtures.model(tenant, new Model("m-no-endpoint", "Deploying", "popular", "parent", true, null));
        fixtures.itemStats(tenant, "latte-grande", purchases(5));
        fixtures.itemStats(tenant, "latte-venti", purchases(8));
        fixtures.itemStats(tenant, "mocha", purchases(3));
        fixtures.itemStats(tenant, "chai", purchases(10));
        fixtures.itemStats(tenant, "ghost", purchases(20));
        fixtures.itemStats(tenant, "tea", purchases(1));
    }

    @AfterEach
    void closeFixtures() {
        fixtures.close();
    }

    // --- model predictions, one per type ---

    @Test
    void popularReturnsTheTopParentsByDecayedScoreWithTitlesSkippingSoldOutAndUnknownItems() {
        predictModel(Map.of("kainic_pid", tenant.value(), "kainic_mid", "m-popular", "type", "popular", "return_full_items_data", true))
                .expectStatus().isOk().expectBody()
                .jsonPath("$.status").isEqualTo("success")
                .jsonPath("$.data.kainic_mid").isEqualTo("m-popular")
                .jsonPath("$.data.deployment_job_id").isEqualTo("job-pop")
                .jsonPath("$.data.items.length()").isEqualTo(3)
                .jsonPath("$.data.items[0].item_id").isEqualTo("latte")
                .jsonPath("$.data.items[0].parent_id").isEqualTo("latte")
                .jsonPath("$.data.items[0].title").isEqualTo("Latte")
                .jsonPath("$.data.items[0].score").value(score -> assertThat(((Number) score).doubleValue()).isBetween(24.99, 25.0))
                .jsonPath("$.data.items[1].item_id").isEqualTo("mocha")
                .jsonPath("$.data.items[2].item_id").isEqualTo("tea");
    }

    @Test
    void popularityPublishedAfterTheFirstPredictionReachesPredictionsWithinTheSnapshotRefresh() {
        Map<String, Object> body = Map.of("kainic_pid", tenant.value(), "kainic_mid", "m-popular", "type", "popular", "count", 1);
        predictModel(body).expectStatus().isOk().expectBody().jsonPath("$.data.items[0].item_id").isEqualTo("latte");

        fixtures.itemStats(tenant, "tea", purchases(30));
        long visible = System.nanoTime();

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                predictModel(body).expectStatus().isOk().expectBody().jsonPath("$.data.items[0].item_id").isEqualTo("tea"));
        System.out.printf("new popularity visible in predictions %d ms after decision's store showed it (snapshot-refresh 5 s)%n",
                (System.nanoTime() - visible) / 1_000_000);
    }

    @Test
    void aVariantTargetReturnsVariantsWithTheirParentAndNoTitleUnlessAsked() {
        predictModel(Map.of("kainic_pid", tenant.value(), "kainic_mid", "m-popular-variant", "type", "popular", "count", 2))
                .expectStatus().isOk().expectBody()
                .jsonPath("$.data.items.length()").isEqualTo(2)
                .jsonPath("$.data.items[0].item_id").isEqualTo("latte-grande")
                .jsonPath("$.data.items[0].parent_id").isEqualTo("latte")
                .jsonPath("$.data.items[0].title").doesNotExist()
                .jsonPath("$.data.items[1].item_id").isEqualTo("mocha");
    }

    @Test
    void similarItemsMergeTheNeighboursOfTheRequestedItemsAndLeaveThemOut() {
        fixtures.neighbours(tenant, "latte", new ItemNeighbours(Map.of("mocha", 3.0, "chai", 5.0, "tea", 1.0)));
        fixtures.neighbours(tenant, "tea", new ItemNeighbours(Map.of("mocha", 1.0)));

        predictModel(Map.of("kainic_pid", tenant.value(), "kainic_mid", "m-similar", "items", List.of("latte", Map.of("item_id", "tea"))))
                .expectStatus().isOk().expectBody()
                .jsonPath("$.data.kainic_mid").isEqualTo("m-similar")
                .jsonPath("$.data.items.length()").isEqualTo(1)
                .jsonPath("$.data.items[0].item_id").isEqualTo("mocha")
                .jsonPath("$.data.items[0].score").isEqualTo(4.0);
    }

    @Test
    void theModelsTypeDecidesNotTheRequestsType() {
        fixtures.neighbours(tenant, "latte", new ItemNeighbours(Map.of("mocha", 3.0)));

        // Popular would score mocha 15 (three purchases); the similar-items model scores its co-occurrence.
        predictModel(Map.of("kainic_pid", tenant.value(), "kainic_mid", "m-similar", "type", "popular", "items", List.of("latte")))
                .expectStatus().isOk().expectBody()
                .jsonPath("$.data.items.length()").isEqualTo(1)
                .jsonPath("$.data.items[0].item_id").isEqualTo("mocha")
                .jsonPath("$.data.items[0].score").isEqualTo(3.0);
    }

    @Test
    void personalizedRanksNeighboursOfTheUsersRecentItemsAndLeavesOutWhatTheUserSaw() {
        Instant now = Instant.now();
        fixtures.recentItems(tenant, "u1", new UserRecentItems(List.of(
                new RecentItem("latte-grande", "view_item", now), new RecentItem("tea", "view_item", now.minusSeconds(60)))));
        fixtures.neighbours(tenant, "latte-grande", new ItemNeighbours(Map.of("mocha-tall", 2.0, "tea", 5.0)));
        fixtures.neighbours(tenant, "tea", new ItemNeighbours(Map.of("mocha", 1.0, "latte-grande", 1.0)));

        predictModel(Map.of("kainic_pid", tenant.value(), "kainic_mid", "m-personal", "type", "personalized",
                "platform", "web", "anon_uid", "a1", "uid", "u1", "sid", "s1"))
                .expectStatus().isOk().expectBody()
                .jsonPath("$.data.uid").isEqualTo("u1")
                .jsonPath("$.data.items.length()").isEqualTo(2)
                .jsonPath("$.data.items[0].item_id").isEqualTo("mocha-tall")
                .jsonPath("$.data.items[0].score").isEqualTo(2.0)
                .jsonPath("$.data.items[1].item_id").isEqualTo("mocha")
                .jsonPath("$.data.items[1].score").isEqualTo(0.5);
    }

    @Test
    void anUnknownUserGetsThePopularItems() {
        predictModel(Map.of("kainic_pid", tenant.value(), "kainic_mid", "m-personal", "type", "personalized", "anon_uid", "stranger"))
                .expectStatus().isOk().expectBody()
                .jsonPath("$.data.uid").isEqualTo("stranger")
                .jsonPath("$.data.items[0].item_id").isEqualTo("latte-grande")
                .jsonPath("$.data.items[1].item_id").isEqualTo("mocha")
                .jsonPath("$.data.items[2].item_id").isEqualTo("tea");
    }

    // --- model prediction errors ---

    @Test
    void neitherItemsNorTypeIs400WithTheSeedsMessage() {
        assertFail(predictModel(Map.of("kainic_pid", tenant.value(), "kainic_mid", "m-popular")), 400,
                "At least one of the following fields must be provided: [items, type]");
    }

    @Test
    void aModelThatIsNotDeployedIs409AndOneWithoutEndpointIs503() {
        assertFail(predictModel(Map.of("kainic_pid", tenant.value(), "kainic_mid", "m-undeployed", "type", "popular")), 409,
                "This model is not deployed!");
        assertFail(predictModel(Map.of("kainic_pid", tenant.value(), "kainic_mid", "m-no-endpoint", "type", "popular")), 503,
                "No endpoint is currently deployed for this model");
    }

    @Test
    void anUnknownModelIs404() {
        assertFail(predictModel(Map.of("kainic_pid", tenant.value(), "kainic_mid", "nope", "type", "popular")), 404, "Model not found: nope");
    }

    @Test
    void aSimilarityPredictionWithoutItemsIs422() {
        assertFail(predictModel(Map.of("kainic_pid", tenant.value(), "kainic_mid", "m-similar", "type", "similar_items")), 422,
                "No items requested to get similarities for!");
    }

    @Test
    void missingAndMistypedFieldsAre400InTheCollectorsWording() {
        assertFail(predictModel(Map.of("kainic_pid", tenant.value(), "type", "popular")), 400, "One or more required fields are missing!");
        assertFail(predictModel(Map.of("kainic_mid", "m-popular", "type", "popular")), 400, "One or more required fields are missing!");
        assertFail(predictModel(Map.of("kainic_pid", tenant.value(), "kainic_mid", "m-popular", "type", "popular", "count", "5")), 400,
                "Type of required field \"count\" is not an integer from 1 to 100");
        assertFail(post(MODEL_PATH, apiKey, "{\"kainic_pid\": "), 400, "Request body is not valid JSON");
    }

    @Test
    void aKeyRestrictedByScopesIs403() {
        Map<String, Object> body = Map.of("kainic_pid", tenant.value(), "kainic_mid", "m-popular", "type", "popular");
        assertFail(post(MODEL_PATH, fixtures.scopedApiKeyOf(tenant, List.of("scim")), body), 403,
                "This API key is restricted by its scopes and may not call this endpoint");
    }

    @Test
    void badKeysAre401() {
        Map<String, Object> body = Map.of("kainic_pid", tenant.value(), "kainic_mid", "m-popular", "type", "popular");
        assertFail(post(MODEL_PATH, "nbk_abcdefgh_" + "x".repeat(32), body), 401, "Invalid API key or tenant");
        assertFail(web.post().uri(MODEL_PATH).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange(), 401, "Missing API key");
        assertFail(post(MODEL_PATH, fixtures.apiKeyOf(tenant, "experiment"), body), 401, "Invalid API key or tenant");
        TenantId other = DecisionFixtures.newTenant();
        assertFail(post(MODEL_PATH, apiKey, Map.of("kainic_pid", other.value(), "kainic_mid", "m-popular", "type", "popular")), 401,
                "Invalid API key or tenant");
    }

    @Test
    void aBodyOverTheLimitIs413() {
        assertFail(post(MODEL_PATH, apiKey, Map.of("kainic_pid", tenant.value(), "kainic_mid", "m-popular", "type", "popular",
                "pad", "x".repeat(70_000))), 413, "Request body is larger than 65536 bytes");
    }

    @Test
    void eachEndpointHasItsTimerAndRefusalsAreCountedByReason() {
        Timer timer = meters.get(PredictionMetrics.LATENCY).tag("endpoint", "model").timer();
        long before = timer.count();
        double notDeployedBefore = rejected("model", "not_deployed");

        int calls = 200;
        long[] millis = new long[calls];
        for (int i = 0; i < calls; i++) {
            long start = System.nanoTime();
            predictModel(Map.of("kainic_pid", tenant.value(), "kainic_mid", "m-popular", "type", "popular")).expectStatus().isOk();
            millis[i] = (System.nanoTime() - start) / 1_000_000;
        }
        predictModel(Map.of("kainic_pid", tenant.value(), "kainic_mid", "m-undeployed", "type", "popular")).expectStatus().isEqualTo(409);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(timer.count()).isEqualTo(before + calls + 1));
        java.util.Arrays.sort(millis);
        System.out.printf("popular prediction round trip over %d sequential calls (7 products, 6 items): p50 %d ms, p95 %d ms, max %d ms%n",
                calls, millis[calls / 2], millis[calls * 95 / 100], millis[calls - 1]);
        assertThat(rejected("model", "not_deployed")).isEqualTo(notDeployedBefore + 1);
        assertThat(meters.get(PredictionMetrics.LATENCY).tag("endpoint", "experiment").timer()).isNotNull();
    }

    // --- experiment predictions ---

    @Test
    void aSessionIsServedByItsGroupsModelAndAlwaysTheSameGroup() {
        Experiment experiment = fixtures.experiment(tenant, halfPopularHalfHoldout("exp-1", true));
        String popularSid = sidIn(experiment, "popular");
        String experimentKey = fixtures.apiKeyOf(tenant, "experiment");

        for (int call = 0; call < 3; call++) {
            post(EXPERIMENT_PATH, experimentKey, experimentBody("exp-1", popularSid)).expectStatus().isOk().expectBody()
                    .jsonPath("$.data.kainic_mid").isEqualTo("m-popular")
                    .jsonPath("$.data.deployment_job_id").isEqualTo("job-pop")
                    .jsonPath("$.data.uid").isEqualTo("anon-7");
        }
        post(EXPERIMENT_PATH, experimentKey, experimentBody("exp-1", popularSid)).expectBody()
                .jsonPath("$.data.items[0].item_id").isEqualTo("latte")
                .jsonPath("$.data.items.length()").isEqualTo(3);
    }

    @Test
    void aGroupWithoutAModelAnswersEmptyItemsAndANullModelId() {
        Experiment experiment = fixtures.experiment(tenant, halfPopularHalfHoldout("exp-1", true));
        String holdoutSid = sidIn(experiment, "holdout");

        post(EXPERIMENT_PATH, fixtures.apiKeyOf(tenant, "experiment"), experimentBody("exp-1", holdoutSid))
                .expectStatus().isOk().expectBody()
                .jsonPath("$.status").isEqualTo("success")
                .jsonPath("$.data.kainic_mid").value(value -> assertThat(value).isNull())
                .jsonPath("$.data.deployment_job_id").value(value -> assertThat(value).isNull())
                .jsonPath("$.data.uid").isEqualTo("anon-7")
                .jsonPath("$.data.items").isEmpty()
                .jsonPath("$.data.items.length()").isEqualTo(0);
    }

    @Test
    void anInactiveExperimentIs409AndAnUnknownOneIs404() {
        fixtures.experiment(tenant, halfPopularHalfHoldout("exp-off", false));
        String key = fixtures.apiKeyOf(tenant, "experiment");

        assertFail(post(EXPERIMENT_PATH, key, experimentBody("exp-off", "s-1")), 409, "The experiment is not active!");
        assertFail(post(EXPERIMENT_PATH, key, experimentBody("exp-none", "s-1")), 404, "Experiment not found: exp-none");
    }

    @Test
    void aSimilarityGroupWithoutItemsIs422AndMissingExperimentFieldsAre400() {
        fixtures.experiment(tenant, new Experiment("exp-sim", "exp-sim", "Similar", "personalization", true, 0,
                List.of(new Experiment.Variant("similar", 1.0, null, "m-similar"))));
        String key = fixtures.apiKeyOf(tenant, "experiment");

        Map<String, Object> noItems = new HashMap<>(experimentBody("exp-sim", "s-1"));
        noItems.put("type", "similar_items");
        assertFail(post(EXPERIMENT_PATH, key, noItems), 422, "No items requested to get similarities for!");
        Map<String, Object> noType = new HashMap<>(experimentBody("exp-sim", "s-1"));
        noType.remove("type");
        assertFail(post(EXPERIMENT_PATH, key, noType), 400, "At least one of the following fields must be provided: [items, type]");
        Map<String, Object> noSid = new HashMap<>(experimentBody("exp-sim", "s-1"));
        noSid.remove("sid");
        assertFail(post(EXPERIMENT_PATH, key, noSid), 400, "One or more required fields are missing!");
    }

    @Test
    void theExperimentEndpointTakesExperimentAndAdminKeysButNotApiKeys() {
        fixtures.experiment(tenant, halfPopularHalfHoldout("exp-1", true));

        assertFail(post(EXPERIMENT_PATH, apiKey, experimentBody("exp-1", "s-1")), 401, "Invalid API key or tenant");
        post(EXPERIMENT_PATH, fixtures.apiKeyOf(tenant, "admin"), experimentBody("exp-1", "s-1")).expectStatus().isOk();
    }

    // --- helpers ---

    private void product(String itemId, String parentId, String title, Integer stock) {
        fixtures.product(tenant, new Product(itemId, "store-1", parentId, title, BigDecimal.valueOf(4.5), stock, Map.of()));
    }

    private static ItemStats purchases(int count) {
        ItemStats stats = ItemStats.EMPTY;
        Instant now = Instant.now();
        for (int i = 0; i < count; i++) {
            stats = stats.plus("purchase", 5, now, HALF_LIFE);
        }
        return stats;
    }

    private static Experiment halfPopularHalfHoldout(String id, boolean active) {
        return new Experiment(id, id, "Popular vs nothing", "personalization", active, 0,
                List.of(new Experiment.Variant("popular", 0.5, null, "m-popular"), new Experiment.Variant("holdout", 0.5, null, null)));
    }

    /** A session id the experiment puts in {@code group}, found with the same pure bucketing the service uses. */
    private static String sidIn(Experiment experiment, String group) {
        return IntStream.range(0, 1000).mapToObj(i -> "session-" + i)
                .filter(sid -> ExperimentGroups.groupOf(experiment, sid).orElseThrow().name().equals(group))
                .findFirst().orElseThrow();
    }

    private Map<String, Object> experimentBody(String experimentId, String sid) {
        return Map.of("kainic_pid", tenant.value(), "kainic_exp_id", experimentId, "platform", "web", "anon_uid", "anon-7",
                "sid", sid, "type", "popular");
    }

    private double rejected(String endpoint, String reason) {
        var counter = meters.find(PredictionMetrics.REJECTED).tag("endpoint", endpoint).tag("reason", reason).counter();
        return counter == null ? 0 : counter.count();
    }

    private WebTestClient.ResponseSpec predictModel(Map<String, Object> body) {
        return post(MODEL_PATH, apiKey, body);
    }

    private WebTestClient.ResponseSpec post(String path, String key, Object body) {
        return web.post().uri(uri -> uri.path(path).queryParam("api_key", key).build())
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    private static void assertFail(WebTestClient.ResponseSpec response, int status, String message) {
        response.expectStatus().isEqualTo(status).expectBody()
                .jsonPath("$.status").isEqualTo("fail")
                .jsonPath("$.message").isEqualTo(message)
                .jsonPath("$.data").doesNotExist();
    }
}
