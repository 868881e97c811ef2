package io.nextbest.ingest.system;

import static io.nextbest.ingest.fixtures.Events.mobileAddToCart;
import static io.nextbest.ingest.fixtures.Events.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.nextbest.ingest.fixtures.IngestFixtures;
import io.nextbest.testsupport.TopicRecords;
import io.nextbest.ingest.readmodel.IngestReadModels;
import io.nextbest.model.event.Outcome;
import io.nextbest.model.event.TrackerEvent;
import io.nextbest.model.id.NameBasedUuid;
import io.nextbest.model.json.Json;
import io.nextbest.model.tenant.TenantId;
import io.nextbest.model.tenant.TenantKey;
import io.nextbest.model.topic.Topics;
import io.nextbest.testsupport.RestartableKafka;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/**
 * The whole service (producer, read models, Streams app) runs against a broker of this test's own,
 * which is really stopped and started again on the same port and log directory. While it is down
 * both endpoints must answer 503 with Retry-After within a bounded time; once it is back the same
 * running app must answer 2xx again without a restart; and every event id and interaction id that
 * got a 2xx, before or after the outage, must be on its topic. Records of 503'd requests may be
 * there too (the client retries them, and dedupe absorbs the copies); the test reports how many.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
@DirtiesContext
class BrokerRestartIT {

    // Well above the producer's own bounds (max.block.ms 5 s, delivery.timeout.ms 10 s, ack-timeout 12 s),
    // well below a hung request, on a loaded two-core machine.
    private static final Duration ANSWER_BOUND = Duration.ofSeconds(30);
    private static final Duration RECOVERY_BOUND = Duration.ofSeconds(180);

    private static final RestartableKafka KAFKA = RestartableKafka.startOnFreePort();

    static {
        // The cached context closes after this class; the broker outlives it so that close never waits for a dead broker.
        Runtime.getRuntime().addShutdownHook(new Thread(KAFKA::close, "broker-restart-it-kafka"));
    }

    @DynamicPropertySource
    static void ownBrokerAndOwnStreamsApp(DynamicPropertyRegistry registry) {
        String run = UUID.randomUUID().toString();
        registry.add("spring.kafka.bootstrap-servers", KAFKA::bootstrapServers);
        registry.add("nextbest.streams.state-dir", () -> "target/kafka-streams/broker-restart-" + run);
        registry.add("nextbest.streams.application-id-prefix", () -> "broker-restart-" + run + "-");
    }

    @Autowired
    WebTestClient web;
    @Autowired
    IngestReadModels readModels;
    @Value("${nextbest.security.api-key-pepper}")
    String pepper;

    TenantId project;
    String apiKey;
    final Set<String> acknowledgedEventIds = new LinkedHashSet<>();
    final Set<String> acknowledgedInteractionIds = new LinkedHashSet<>();
    final Set<String> refusedEventIds = new LinkedHashSet<>();
    final Set<String> refusedIdempotencyKeys = new LinkedHashSet<>();
    int sequence;

    @BeforeEach
    void shopThatPassesEveryCheck() {
        IngestFixtures fixtures = new IngestFixtures(readModels, pepper, KAFKA.bootstrapServers());
        project = IngestFixtures.newTenant();
        apiKey = fixtures.apiKeyOf(project);
        fixtures.webTracker(project, "web-1", "shop.example.com");
        fixtures.creditOf(project, 1_000);
        fixtures.offer(project, "offer-1", "Winter sale");
        fixtures.emailCreative(project, "creative-1", "offer-1", "channel-1");
        web = web.mutate().responseTimeout(Duration.ofSeconds(60)).build();
    }

    @Test
    void whileTheBrokerIsDownBothEndpointsAnswer503AndNothingAcknowledgedIsLostOnceItIsBack() {
        acknowledgedTraffic(3);

        long stopStart = System.nanoTime();
        KAFKA.stop();
        report("broker stop", stopStart);

        long collectorOutage = bounded503(() -> collect(batch()), "collector");
        long respondOutage = bounded503(() -> respond(nextIdempotencyKey()), "respond");
        long collectorAgain = bounded503(() -> collect(batch()), "collector, second request");
        long respondAgain = bounded503(() -> respond(nextIdempotencyKey()), "respond, second request");
        System.out.printf("BrokerRestartIT 503 times: collector %d ms, %d ms; respond %d ms, %d ms%n",
                collectorOutage, collectorAgain, respondOutage, respondAgain);

        long restart = System.nanoTime();
        KAFKA.start();
        report("broker restart", restart);
        long back = System.nanoTime();
        List<Map<String, Object>> retriedBatch = batch();
        long collectorRecovered = untilAcknowledged(() -> collect(retriedBatch), 200, "collector");
        String retriedKey = nextIdempotencyKey();
        long respondRecovered = untilAcknowledged(() -> respond(retriedKey), 201, "respond");
        System.out.printf("BrokerRestartIT first 2xx after the broker answered again: collector %d ms, respond %d ms%n",
                Duration.ofNanos(collectorRecovered - back).toMillis(), Duration.ofNanos(respondRecovered - back).toMillis());
        acknowledgedTraffic(3);

        List<String> storedEventIds = TopicRecords.of(KAFKA.bootstrapServers(), Topics.TRACKER_EVENTS, project, TenantKey::tenant)
                .stream().map(TrackerEvent::eventId).toList();
        List<String> storedInteractionIds = TopicRecords.of(KAFKA.bootstrapServers(), Topics.OUTCOMES, project, TenantKey::tenant)
                .stream().map(Outcome::interactionId).map(UUID::toString).toList();
        reportExtras(storedEventIds, storedInteractionIds);
        // Seven batches of two events and seven outcomes got their 2xx: three before, one at and three after the restart.
        assertThat(acknowledgedEventIds).hasSize(14);
        assertThat(acknowledgedInteractionIds).hasSize(7);
        assertThat(storedEventIds).containsAll(acknowledgedEventIds);
        assertThat(storedInteractionIds).containsAll(acknowledgedInteractionIds);
    }

    private void acknowledgedTraffic(int rounds) {
        for (int i = 0; i < rounds; i++) {
            assertThat(collect(batch()).getStatus().value()).isEqualTo(200);
            assertThat(respond(nextIdempotencyKey()).getStatus().value()).isEqualTo(201);
        }
    }

    /** Sends a request to the dead broker: a 503 with Retry-After, answered within the bound; returns its time. */
    private long bounded503(Supplier<EntityExchangeResult<byte[]>> request, String what) {
        long start = System.nanoTime();
        EntityExchangeResult<byte[]> result = request.get();
        long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
        assertThat(result.getStatus().value()).as(what + " while the broker is down").isEqualTo(503);
        assertThat(result.getResponseHeaders().getFirst("Retry-After")).as(what + " Retry-After").isEqualTo("5");
        assertThat(Duration.ofMillis(millis)).as(what + " answer time").isLessThan(ANSWER_BOUND);
        return millis;
    }

    /** Repeats one request (as a client honouring Retry-After would, but sooner) until it is acknowledged; returns when. */
    private long untilAcknowledged(Supplier<EntityExchangeResult<byte[]>> request, int expected, String what) {
        List<Integer> statuses = new ArrayList<>();
        await(what + " acknowledged again").atMost(RECOVERY_BOUND).pollInterval(Duration.ofMillis(500)).until(() -> {
            int status = request.get().getStatus().value();
            statuses.add(status);
            return status == expected;
        });
        System.out.printf("BrokerRestartIT %s after restart answered %s%n", what, statuses);
        return System.nanoTime();
    }

    private EntityExchangeResult<byte[]> collect(List<Map<String, Object>> batch) {
        EntityExchangeResult<byte[]> result = web.post().uri("/collector/collect/custom/" + project.value() + "/web-1?api_key=" + apiKey)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(batch)
                .exchange().expectBody().returnResult();
        List<String> ids = batch.stream().map(event -> (String) event.get("event_id")).toList();
        if (result.getStatus().value() == 200) {
            JsonNode answered = Json.mapper().readTree(result.getResponseBodyContent()).get("data").get("event_ids");
            answered.forEach(id -> acknowledgedEventIds.add(id.asString()));
        } else {
            refusedEventIds.addAll(ids);
        }
        return result;
    }

    private EntityExchangeResult<byte[]> respond(String idempotencyKey) {
        EntityExchangeResult<byte[]> result = web.post().uri("/api/v1/respond")
                .header("X-Tenant-Id", project.value()).header("X-API-Key", apiKey).header("X-Requested-With", "XMLHttpRequest")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("customerId", "customer-of-" + idempotencyKey, "creativeId", "creative-1", "outcome", "click", "idempotencyKey", idempotencyKey))
                .exchange().expectBody().returnResult();
        if (result.getStatus().value() == 201) {
            acknowledgedInteractionIds.add(Json.mapper().readTree(result.getResponseBodyContent()).get("interactionId").asString());
        } else {
            refusedIdempotencyKeys.add(idempotencyKey);
        }
        return result;
    }

    /** Two events with client-chosen ids, so records of a refused batch can be recognised on the topic. */
    private List<Map<String, Object>> batch() {
        sequence++;
        return List.of(with(mobileAddToCart("anon-" + sequence, "sku-1"), "event_id", "ev-" + sequence + "-a"),
                with(mobileAddToCart("anon-" + sequence, "sku-2"), "event_id", "ev-" + sequence + "-b"));
    }

    private String nextIdempotencyKey() {
        sequence++;
        return "key-" + sequence;
    }

    private void reportExtras(List<String> storedEventIds, List<String> storedInteractionIds) {
        // A retried request that finally got its 2xx counts as acknowledged, not refused.
        refusedEventIds.removeAll(acknowledgedEventIds);
        long refusedEventsStored = storedEventIds.stream().filter(refusedEventIds::contains).distinct().count();
        Set<String> refusedInteractionIds = new LinkedHashSet<>();
        refusedIdempotencyKeys.forEach(key -> refusedInteractionIds.add(
                NameBasedUuid.interactionId(project.value(), key).toString()));
        refusedInteractionIds.removeAll(acknowledgedInteractionIds);
        long refusedOutcomesStored = storedInteractionIds.stream().filter(refusedInteractionIds::contains).distinct().count();
        System.out.printf("BrokerRestartIT tracker-events: %d acknowledged, %d stored (%d distinct), %d of %d refused ids stored%n",
                acknowledgedEventIds.size(), storedEventIds.size(), storedEventIds.stream().distinct().count(), refusedEventsStored, refusedEventIds.size());
        System.out.printf("BrokerRestartIT outcomes: %d acknowledged, %d stored (%d distinct), %d of %d refused ids stored%n",
                acknowledgedInteractionIds.size(), storedInteractionIds.size(), storedInteractionIds.stream().distinct().count(),
                refusedOutcomesStored, refusedInteractionIds.size());
    }

    private static void report(String phase, long startNanos) {
        System.out.printf("BrokerRestartIT %s took %d ms%n", phase, Duration.ofNanos(System.nanoTime() - startNanos).toMillis());
    }
}
