package io.nextbest.decision.readmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.nextbest.decision.DecisionApplication;
import io.nextbest.decision.fixtures.DecisionFixtures;
import io.nextbest.model.event.Classification;
import io.nextbest.model.event.OutcomeCategory;
import io.nextbest.model.stats.Contact;
import io.nextbest.model.stats.ContactHistory;
import io.nextbest.model.tenant.TenantId;
import io.nextbest.model.tenant.TenantKey;
import io.nextbest.model.topic.Topics;
import io.nextbest.testsupport.FreePorts;
import io.nextbest.testsupport.ServiceProbes;
import io.nextbest.testsupport.SharedKafka;
import java.time.Duration;
import java.time.Instant;
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
 * Two decision instances in one Streams group split the partitioned customer-contacts store: a
 * recommend sent to one instance for a customer whose partition the other owns applies that
 * customer's frequency cap, because the contact-history lookup is forwarded to the owner.
 */
class CustomerContactsForwardingIT {

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

        double forwardedLookupsServed() {
            return context.getBean(MeterRegistry.class).counter("nextbest.decision.customer-contacts.forwarded").count();
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
        fixtures.retentionCategory(tenant);
        fixtures.emailChannel(tenant);
        fixtures.offerWithCreative(tenant, "offer-abc", "Starbucks: Discount — 10 Day Low", 85, "ch-email");
        fixtures.offerWithCreative(tenant, "offer-def", "Starbucks: Free Refill", 40, "ch-email");
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
                .until(() -> customerOwnedBy(second, tenant), owned -> owned != null);
        fixtures.customer(tenant, customer);
        // What feedback-service folds after the customer was shown offer-abc a minute ago.
        fixtures.contacts(tenant, customer, ContactHistory.EMPTY.plus(new Contact("offer-abc", "ch-email", "impression",
                Classification.NEUTRAL, OutcomeCategory.IMPRESSION, Instant.now().minusSeconds(60)), false, 100, Duration.ofDays(90)));
        double servedBefore = second.forwardedLookupsServed();

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).untilAsserted(() ->
                first.recommend(tenant, apiKey, customer).expectStatus().isOk().expectBody()
                        .jsonPath("$.count").isEqualTo(1)
                        .jsonPath("$.decisions[0].offerId").isEqualTo("offer-def")
                        .jsonPath("$.meta.afterQualification").isEqualTo(2)
                        .jsonPath("$.meta.afterContactPolicy").isEqualTo(1));

        // The answer came from the other instance: the first holds no copy, the owner served the lookups.
        assertThat(localContacts(first, new TenantKey(tenant, customer))).isNull();
        assertThat(localContacts(second, new TenantKey(tenant, customer))).isNotNull();
        assertThat(second.forwardedLookupsServed()).isGreaterThan(servedBefore);
        System.out.printf("recommend round trip, 50 sequential calls each: forwarded lookup p50 %d ms, local lookup p50 %d ms%n",
                medianMillis(first, customer), medianMillis(second, customer));
    }

    private long medianMillis(Instance instance, String customer) {
        long[] millis = new long[50];
        for (int i = 0; i < millis.length; i++) {
            long start = System.nanoTime();
            instance.recommend(tenant, apiKey, customer).expectStatus().isOk();
            millis[i] = (System.nanoTime() - start) / 1_000_000;
        }
        java.util.Arrays.sort(millis);
        return millis[millis.length / 2];
    }

    @Test
    void theInternalEndpointRefusesCallersWithoutTheInstanceToken() {
        second.web().get().uri(b -> b.path(CustomerContactsEndpoint.PATH).queryParam("tenant", tenant.value())
                        .queryParam("customer", "anyone").build())
                .exchange().expectStatus().isForbidden();
        second.web().get().uri(b -> b.path(CustomerContactsEndpoint.PATH).queryParam("tenant", tenant.value())
                        .queryParam("customer", "anyone").build())
                .header(InternalToken.HEADER, "not-the-token")
                .exchange().expectStatus().isForbidden();
    }

    /** A customer id whose customer-contacts partition the given instance owns, as the first instance sees the group. */
    private static String customerOwnedBy(Instance owner, TenantId tenant) {
        return IntStream.range(0, 200).mapToObj(i -> "cust-" + i)
                .filter(customer -> first.streams().queryMetadataForKey(DecisionReadModelsTopology.CUSTOMER_CONTACTS_STORE,
                        new TenantKey(tenant, customer), Topics.CUSTOMER_CONTACTS.keySerde().serializer()).activeHost().port() == owner.port())
                .findFirst().orElse(null);
    }

    /** What the instance's own partitions of the store hold for the key. */
    private static ContactHistory localContacts(Instance instance, TenantKey key) {
        return instance.streams().store(StoreQueryParameters.fromNameAndType(DecisionReadModelsTopology.CUSTOMER_CONTACTS_STORE,
                QueryableStoreTypes.<TenantKey, ContactHistory>keyValueStore())).get(key);
    }
}
