package io.nextbest.decision.readmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.nextbest.decision.DecisionApplication;
import io.nextbest.decision.fixtures.DecisionFixtures;
import io.nextbest.model.event.Classification;
import io.nextbest.model.event.OutcomeCategory;
import io.nextbest.model.stats.Contact;
import io.nextbest.model.catalog.entity.Model;
import io.nextbest.model.catalog.entity.Product;
import io.nextbest.model.stats.ContactHistory;
import io.nextbest.model.stats.ItemNeighbours;
import io.nextbest.model.stats.RecentItem;
import io.nextbest.model.stats.UserRecentItems;
import io.nextbest.model.tenant.TenantId;
import io.nextbest.model.tenant.TenantKey;
import io.nextbest.testsupport.FreePorts;
import io.nextbest.testsupport.ServiceProbes;
import io.nextbest.testsupport.SharedKafka;
import io.nextbest.support.query.InternalToken;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Two decision instances in one Streams group split the partitioned stores: a recommend sent to
 * one instance for a customer whose customer-contacts partition the other owns applies that
 * customer's frequency cap, and a personalized prediction for a user whose user-recent-items
 * partition the other owns ranks that user's recent items' neighbours, because both lookups are
 * forwarded to the owner.
 */
class PartitionedLookupForwardingIT {

    private static final String GROUP_PREFIX = "decision-iq-" + UUID.randomUUID() + "-";
    static Instance first;
    static Instance second;

    DecisionFixtures fixtures;
    TenantId tenant;
    String apiKey;

    record Instance(ConfigurableApplicationContext context, int port, WebTestClient web) {

        static Instance start() {
            int port = FreePorts.find();
            ConfigurableApplicationContext context = new SpringApplicationBuilder(DecisionApplication.class)
                    .properties(Map.of("spring.config.name", "decision-service"))
                    .run("--server.port=" + port,
                            "--spring.kafka.bootstrap-servers=" + SharedKafka.bootstrapServers(),
                            "--nextbest.streams.application-id-prefix=" + GROUP_PREFIX,
                            "--nextbest.streams.state-dir=target/kafka-streams/" + UUID.randomUUID());
            WebTestClient web = WebTestClient.bindToServer().baseUrl("http://localhost:" + port).responseTimeout(Duration.ofSeconds(30)).build();
            return new Instance(context, port, web);
        }

        KafkaStreams streams() {
            return context.getBean("&decisionReadModels", StreamsBuilderFactoryBean.class).getKafkaStreams();
        }

        double forwardedLookupsServed(PartitionedReadModel<?> model) {
            return context.getBean(MeterRegistry.class).counter("nextbest.decision." + model.name() + ".forwarded").count();
        }

        WebTestClient.ResponseSpec predictModel(TenantId project, String apiKey, Map<String, Object> body) {
            return web.post().uri(uri -> uri.path("/predictor/get_model_prediction").queryParam("api_key", apiKey).build())
                    .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
        }

        WebTestClient.ResponseSpec recommend(TenantId tenant, String apiKey, String customerId) {
            return web.post().uri("/api/v1/recommend")
                    .header("X-Tenant-Id", tenant.value()).header("X-API-Key", apiKey)
                    .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("customerId", customerId))
                    .exchange();
        }
    }

    @BeforeAll
    static void twoInstancesOfOneGroup() {
        first = Instance.start();
        second = Instance.start();
        ServiceProbes.awaitReadiness(first.web());
        ServiceProbes.awaitReadiness(second.web());
    }

    @AfterAll
    static void stop() {
        second.context().close();
        first.context().close();
    }

    @BeforeEach
    void tenantWithTwoEmailOffersAndADailyCapPerOffer() {
        fixtures = new DecisionFixtures(first.context().getBean(DecisionReadModels.class),
                first.context().getEnvironment().getProperty("nextbest.security.api-key-pepper"));
        tenant = DecisionFixtures.newTenant();
        apiKey = fixtures.apiKeyOf(tenant);
        fixtures.twoEmailOffers(tenant);
        fixtures.dailyCapPerOffer(tenant, 1);
        fixtures.activeFlow(tenant, "priority_weighted");
    }

    @AfterEach
    void closeFixtures() {
        fixtures.close();
    }

    @Test
    void recommendOnTheInstanceThatDoesNotOwnTheCustomerAppliesTheCustomersFrequencyCap() {
        String customer = await().atMost(Duration.ofSeconds(60)).ignoreExceptions()
                .until(() -> keyOwnedBy(second, PartitionedReadModel.CUSTOMER_CONTACTS, tenant, "cust-"), owned -> owned != null);
        fixtures.customer(tenant, customer);
        // What feedback-service folds after the customer was shown offer-abc a minute ago.
        fixtures.contacts(tenant, customer, ContactHistory.EMPTY.plus(new Contact("offer-abc", "ch-email", "impression",
                Classification.NEUTRAL, OutcomeCategory.IMPRESSION, Instant.now().minusSeconds(60)), false, 100, Duration.ofDays(90)));
        double servedBefore = second.forwardedLookupsServed(PartitionedReadModel.CUSTOMER_CONTACTS);

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).untilAsserted(() ->
                first.recommend(tenant, apiKey, customer).expectStatus().isOk().expectBody()
                        .jsonPath("$.count").isEqualTo(1)
                        .jsonPath("$.decisions[0].offerId").isEqualTo("offer-def")
                        .jsonPath("$.meta.afterQualification").isEqualTo(2)
                        .jsonPath("$.meta.afterContactPolicy").isEqualTo(1));

        // The answer came from the other instance: the first holds no copy, the owner served the lookups.
        assertThat(local(first, PartitionedReadModel.CUSTOMER_CONTACTS, new TenantKey(tenant, customer))).isNull();
        assertThat(local(second, PartitionedReadModel.CUSTOMER_CONTACTS, new TenantKey(tenant, customer))).isNotNull();
        assertThat(second.forwardedLookupsServed(PartitionedReadModel.CUSTOMER_CONTACTS)).isGreaterThan(servedBefore);
        System.out.printf("recommend round trip, 50 sequential calls each: forwarded lookup p50 %d ms, local lookup p50 %d ms%n",
                medianMillis(() -> first.recommend(tenant, apiKey, customer).expectStatus().isOk()),
                medianMillis(() -> second.recommend(tenant, apiKey, customer).expectStatus().isOk()));
    }

    /** The median of 50 sequential calls, printed as a measurement (never asserted). */
    private static long medianMillis(Runnable call) {
        long[] millis = new long[50];
        for (int i = 0; i < millis.length; i++) {
            long start = System.nanoTime();
            call.run();
            millis[i] = (System.nanoTime() - start) / 1_000_000;
        }
        java.util.Arrays.sort(millis);
        return millis[millis.length / 2];
    }

    @Test
    void personalizedPredictionOnTheInstanceThatDoesNotOwnTheUserRanksTheNeighboursOfTheUsersRecentItems() {
        String user = await().atMost(Duration.ofSeconds(60)).ignoreExceptions()
                .until(() -> keyOwnedBy(second, PartitionedReadModel.USER_RECENT_ITEMS, tenant, "user-"), owned -> owned != null);
        Instant now = Instant.now();
        List.of("latte", "tea", "mocha", "chai").forEach(item ->
                fixtures.product(tenant, new Product(item, "store-1", null, item, BigDecimal.valueOf(4.5), 5, Map.of())));
        fixtures.model(tenant, new Model("m-personal", "For you", "personalized", "variant", true, "job-per"));
        // The user saw latte (newest) and tea. The project has no item-stats, so without these recent items
        // (an empty lookup) the popular fallback would answer no items at all.
        fixtures.neighbours(tenant, "latte", new ItemNeighbours(Map.of("mocha", 2.0, "tea", 5.0)));
        fixtures.neighbours(tenant, "tea", new ItemNeighbours(Map.of("chai", 3.0, "latte", 1.0)));
        fixtures.recentItems(tenant, user, new UserRecentItems(List.of(
                new RecentItem("latte", "view_item", now), new RecentItem("tea", "view_item", now.minusSeconds(60)))));
        double servedBefore = second.forwardedLookupsServed(PartitionedReadModel.USER_RECENT_ITEMS);

        first.predictModel(tenant, apiKey, Map.of("kainic_pid", tenant.value(), "kainic_mid", "m-personal", "type", "personalized",
                        "anon_uid", "a1", "uid", user, "sid", "s1"))
                .expectStatus().isOk().expectBody()
                .jsonPath("$.data.uid").isEqualTo(user)
                .jsonPath("$.data.items.length()").isEqualTo(2)
                // latte weighs 1, tea 1/2: mocha 1 × 2.0, chai 0.5 × 3.0; latte and tea are excluded as seen.
                .jsonPath("$.data.items[0].item_id").isEqualTo("mocha")
                .jsonPath("$.data.items[0].score").isEqualTo(2.0)
                .jsonPath("$.data.items[1].item_id").isEqualTo("chai")
                .jsonPath("$.data.items[1].score").isEqualTo(1.5);

        // The recent items came from the other instance: the first holds no copy, the owner served the lookup.
        assertThat(local(first, PartitionedReadModel.USER_RECENT_ITEMS, new TenantKey(tenant, user))).isNull();
        assertThat(local(second, PartitionedReadModel.USER_RECENT_ITEMS, new TenantKey(tenant, user))).isNotNull();
        assertThat(second.forwardedLookupsServed(PartitionedReadModel.USER_RECENT_ITEMS)).isGreaterThan(servedBefore);
        Map<String, Object> body = Map.of("kainic_pid", tenant.value(), "kainic_mid", "m-personal", "type", "personalized", "uid", user);
        System.out.printf("personalized prediction round trip, 50 sequential calls each: forwarded lookup p50 %d ms, local lookup p50 %d ms%n",
                medianMillis(() -> first.predictModel(tenant, apiKey, body).expectStatus().isOk()),
                medianMillis(() -> second.predictModel(tenant, apiKey, body).expectStatus().isOk()));
    }

    @Test
    void theInternalEndpointRefusesCallersWithoutTheInstanceToken() {
        for (PartitionedReadModel<?> model : PartitionedReadModel.ALL) {
            second.web().get().uri(b -> b.path(model.path()).queryParam("tenant", tenant.value()).queryParam("id", "anyone").build())
                    .exchange().expectStatus().isForbidden();
            second.web().get().uri(b -> b.path(model.path()).queryParam("tenant", tenant.value()).queryParam("id", "anyone").build())
                    .header(InternalToken.HEADER, "not-the-token")
                    .exchange().expectStatus().isForbidden();
        }
    }

    @Test
    void theInternalEndpointAnswersAnUnknownReadModelWith400() {
        String token = second.context().getBean("decisionInternalToken", InternalToken.class).value();
        second.web().get().uri(b -> b.path("/internal/decision/offer-stats").queryParam("tenant", tenant.value()).queryParam("id", "x").build())
                .header(InternalToken.HEADER, token)
                .exchange().expectStatus().isBadRequest();
    }

    /** A key (prefix + n) whose partition of the model's store the given instance owns, as the first instance sees the group. */
    private static String keyOwnedBy(Instance owner, PartitionedReadModel<?> model, TenantId tenant, String prefix) {
        return IntStream.range(0, 200).mapToObj(i -> prefix + i)
                .filter(id -> first.streams().queryMetadataForKey(model.storeName(), new TenantKey(tenant, id),
                        model.topic().keySerde().serializer()).activeHost().port() == owner.port())
                .findFirst().orElse(null);
    }

    /** What the instance's own partitions of the store hold for the key. */
    private static Object local(Instance instance, PartitionedReadModel<?> model, TenantKey key) {
        return instance.streams().store(StoreQueryParameters.fromNameAndType(model.storeName(),
                QueryableStoreTypes.<TenantKey, Object>keyValueStore())).get(key);
    }
}
