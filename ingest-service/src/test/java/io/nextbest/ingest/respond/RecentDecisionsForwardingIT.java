package io.nextbest.ingest.respond;

import static io.nextbest.ingest.fixtures.IngestFixtures.rankedOffer;
import static org.awaitility.Awaitility.await;

import io.nextbest.ingest.IngestApplication;
import io.nextbest.ingest.fixtures.IngestFixtures;
import io.nextbest.ingest.readmodel.IngestReadModels;
import io.nextbest.ingest.readmodel.IngestReadModelsTopology;
import io.nextbest.model.tenant.TenantId;
import io.nextbest.model.tenant.TenantKey;
import io.nextbest.model.topic.Topics;
import io.nextbest.testsupport.FreePorts;
import io.nextbest.testsupport.ServiceProbes;
import io.nextbest.testsupport.SharedKafka;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Two ingest instances in one Streams group split the partitioned recent-decisions store: a
 * respond sent to one instance for a customer whose partition the other owns is answered by
 * forwarding the lookup to the owner.
 */
class RecentDecisionsForwardingIT {

    private static final String GROUP_PREFIX = "iq-" + UUID.randomUUID() + "-";
    static Instance first;
    static Instance second;

    record Instance(ConfigurableApplicationContext context, int port, WebTestClient web) {

        static Instance start() {
            int port = FreePorts.find();
            ConfigurableApplicationContext context = new SpringApplicationBuilder(IngestApplication.class)
                    .properties(Map.of("spring.config.name", "ingest-service"))
                    .run("--server.port=" + port,
                            "--spring.kafka.bootstrap-servers=" + SharedKafka.bootstrapServers(),
                            "--nextbest.streams.application-id-prefix=" + GROUP_PREFIX,
                            "--nextbest.streams.state-dir=target/kafka-streams/" + UUID.randomUUID());
            WebTestClient web = WebTestClient.bindToServer().baseUrl("http://localhost:" + port).responseTimeout(Duration.ofSeconds(30)).build();
            return new Instance(context, port, web);
        }

        KafkaStreams streams() {
            return context.getBean("&ingestReadModels", StreamsBuilderFactoryBean.class).getKafkaStreams();
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

    @Test
    void respondToOneInstanceResolvesARecommendationTheOtherInstanceHolds() {
        IngestFixtures fixtures = new IngestFixtures(first.context().getBean(IngestReadModels.class),
                first.context().getEnvironment().getProperty("nextbest.security.api-key-pepper"));
        TenantId tenant = IngestFixtures.newTenant();
        String apiKey = fixtures.apiKeyOf(tenant);
        String customer = await().atMost(Duration.ofSeconds(60)).ignoreExceptions()
                .until(() -> customerOwnedBy(second, tenant), owned -> owned != null);
        fixtures.recommendation(tenant, customer, "rec-fwd", rankedOffer(1, "offer-1", "Forwarded offer", "creative-1", "channel-1"));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> first.web().post().uri("/api/v1/respond")
                .header("X-Tenant-Id", tenant.value()).header("X-API-Key", apiKey)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("customerId", customer, "recommendationId", "rec-fwd", "rank", 1, "outcome", "click", "idempotencyKey", "f-1"))
                .exchange()
                .expectStatus().isCreated()
                .expectBody().jsonPath("$.offerName").isEqualTo("Forwarded offer"));
    }

    /** A customer id whose recent-decisions partition the given instance owns, as the first instance sees the group. */
    private static String customerOwnedBy(Instance owner, TenantId tenant) {
        return IntStream.range(0, 200).mapToObj(i -> "cust-" + i)
                .filter(customer -> first.streams().queryMetadataForKey(IngestReadModelsTopology.RECENT_RECOMMENDATIONS_STORE,
                        new TenantKey(tenant, customer), Topics.DECISIONS.keySerde().serializer()).activeHost().port() == owner.port())
                .findFirst().orElse(null);
    }
}
