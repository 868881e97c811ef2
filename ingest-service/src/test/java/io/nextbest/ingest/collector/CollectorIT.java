package io.nextbest.ingest.collector;

import static io.nextbest.ingest.fixtures.Events.mobileAddToCart;
import static io.nextbest.ingest.fixtures.Events.webPageView;
import static io.nextbest.ingest.fixtures.Events.with;
import static io.nextbest.ingest.fixtures.Events.without;
import static org.assertj.core.api.Assertions.assertThat;

import io.nextbest.ingest.fixtures.IngestFixtures;
import io.nextbest.testsupport.TopicRecords;
import io.nextbest.ingest.readmodel.IngestReadModels;
import io.nextbest.model.event.CreditLedgerEntry;
import io.nextbest.model.event.EventItem;
import io.nextbest.model.event.Platform;
import io.nextbest.model.event.TrackerEvent;
import io.nextbest.model.event.TrackerEventType;
import io.nextbest.model.json.Json;
import io.nextbest.model.tenant.TenantId;
import io.nextbest.model.tenant.TenantKey;
import io.nextbest.model.topic.Topics;
import io.nextbest.testsupport.KafkaIntegrationTest;
import io.nextbest.testsupport.ServiceProbes;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/** The collector against the real broker: what it accepts lands on the topics exactly, what it refuses gets the documented answer and writes nothing. */
@KafkaIntegrationTest
class CollectorIT {

    private static final String SHOP_ORIGIN = "https://shop.example.com";

    @Autowired
    WebTestClient web;
    @Autowired
    IngestReadModels readModels;
    @Value("${nextbest.security.api-key-pepper}")
    String pepper;

    IngestFixtures fixtures;
    TenantId project;
    String apiKey;

    @BeforeEach
    void shopWithKeyTrackerAndCredit() {
        fixtures = new IngestFixtures(readModels, pepper);
        project = IngestFixtures.newTenant();
        apiKey = fixtures.apiKeyOf(project);
        fixtures.webTracker(project, "web-1", "shop.example.com", "*.example.org");
        fixtures.creditOf(project, 100);
    }

    @Test
    void acceptedBatchLandsOnTrackerEventsExactlyAndIsChargedOnce() {
        var body = web.post().uri(collect("web-1", apiKey)).header("Origin", SHOP_ORIGIN)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(List.of(webPageView("anon-1"), mobileAddToCart("anon-2", "sku-7")))
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("success")
                .jsonPath("$.data.accepted").isEqualTo(2)
                .jsonPath("$.data.event_ids.length()").isEqualTo(2)
                .returnResult();
        assertThat(body.getResponseHeaders().getFirst("X-RateLimit-Limit")).isNotBlank();

        List<TrackerEvent> events = TopicRecords.of(Topics.TRACKER_EVENTS, project, TenantKey::tenant);
        assertThat(events).hasSize(2);
        TrackerEvent pageView = events.stream().filter(e -> e.anonUid().equals("anon-1")).findFirst().orElseThrow();
        assertThat(pageView.platform()).isEqualTo(Platform.WEB);
        assertThat(pageView.eventType()).isEqualTo(TrackerEventType.PAGE_VIEW);
        assertThat(pageView.trackerId()).isEqualTo("web-1");
        assertThat(pageView.storeId()).isEqualTo("store-1");
        assertThat(pageView.pageUrl()).isEqualTo("https://shop.example.com/");
        assertThat(pageView.timestamp()).isEqualTo(Instant.parse("2026-11-23T10:15:30Z"));
        TrackerEvent addToCart = events.stream().filter(e -> e.anonUid().equals("anon-2")).findFirst().orElseThrow();
        assertThat(addToCart.uid()).isEqualTo("user-42");
        assertThat(addToCart.items()).containsExactly(new EventItem("sku-7", "parent-sku-7", 2, new BigDecimal("19.9")));
        assertThat(addToCart.timestamp()).isEqualTo(Instant.ofEpochMilli(1763892930000L));
        assertThat(addToCart.properties()).isEqualTo(Map.of("campaign", "winter"));

        List<CreditLedgerEntry> ledger = TopicRecords.of(Topics.CREDIT_LEDGER, project, tenant -> tenant);
        assertThat(ledger).singleElement().isInstanceOfSatisfying(CreditLedgerEntry.Charge.class, charge -> {
            assertThat(charge.amount()).isEqualTo(2);
            assertThat(charge.reason()).isEqualTo(CreditLedgerEntry.ChargeReason.COLLECTED_EVENTS);
        });
    }

    @Test
    void retriedBatchGetsTheSameEventIdsAndChargeId() {
        var batch = List.of(mobileAddToCart("anon-3", "sku-1"), mobileAddToCart("anon-4", "sku-2"));
        JsonNode first = collectOk(batch);
        JsonNode second = collectOk(batch);

        assertThat(second).isEqualTo(first);
        List<TrackerEvent> events = TopicRecords.of(Topics.TRACKER_EVENTS, project, TenantKey::tenant);
        assertThat(events).hasSize(4);
        assertThat(events.stream().map(TrackerEvent::eventId).distinct()).hasSize(2);
        List<CreditLedgerEntry> ledger = TopicRecords.of(Topics.CREDIT_LEDGER, project, tenant -> tenant);
        assertThat(ledger).hasSize(2);
        assertThat(ledger.get(0).entryId()).isEqualTo(ledger.get(1).entryId());
    }

    @Test
    void clientEventIdIsKept() {
        collectOk(List.of(with(mobileAddToCart("anon-5", "sku-1"), "event_id", "client-event-1")));

        assertThat(TopicRecords.of(Topics.TRACKER_EVENTS, project, TenantKey::tenant))
                .singleElement().extracting(TrackerEvent::eventId).isEqualTo("client-event-1");
    }

    @Test
    void subdomainOfAWildcardDomainIsSupported() {
        web.post().uri(collect("web-1", apiKey)).header("Referer", "https://blog.example.org/post/1")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(List.of(webPageView("anon-6")))
                .exchange().expectStatus().isOk();
    }

    @Test
    void eventWithoutARequiredFieldIsRefused() {
        expectFail(List.of(mobileAddToCart("anon-1", "sku-1"), without(webPageView("anon-2"), "anon_uid")), 400,
                "One or more required fields are missing!");
    }

    @Test
    void eventWithoutEventTypeIsRefused() {
        expectFail(List.of(without(mobileAddToCart("anon-1", "sku-1"), "event_type")), 400, "One or more required fields are missing!");
    }

    @Test
    void itemWithoutItemIdIsRefused() {
        expectFail(List.of(with(mobileAddToCart("anon-1", "sku-1"), "items", List.of(Map.of("quantity", 1)))), 400,
                "One or more required fields are missing!");
    }

    @Test
    void requiredFieldOfTheWrongTypeIsRefused() {
        expectFail(List.of(with(mobileAddToCart("anon-1", "sku-1"), "anon_uid", 42)), 400, "Type of required field \"anon_uid\" is not string");
    }

    @Test
    void platformOutsideTheAllowedValuesIsRefused() {
        expectFail(List.of(with(mobileAddToCart("anon-1", "sku-1"), "platform", "tv")), 400,
                "Type of required field \"platform\" is not one of web, mobile, pos");
    }

    @Test
    void unknownEventTypeIsRefused() {
        expectFail(List.of(with(mobileAddToCart("anon-1", "sku-1"), "event_type", "teleport")), 400,
                "Type of required field \"event_type\" is not one of page_view, view_item, add_to_cart, remove_from_cart, add_to_wishlist, search, click, checkout, purchase");
    }

    @Test
    void quantityThatIsNotAnIntegerIsRefused() {
        expectFail(List.of(with(mobileAddToCart("anon-1", "sku-1"), "items", List.of(Map.of("item_id", "a", "quantity", "two")))), 400,
                "Type of required field \"quantity\" is not integer");
    }

    @Test
    void unparsableTimestampIsRefused() {
        expectFail(List.of(with(mobileAddToCart("anon-1", "sku-1"), "timestamp", "yesterday")), 400,
                "Type of required field \"timestamp\" is not an ISO-8601 instant or epoch milliseconds");
    }

    @Test
    void bodyThatIsNotAnArrayIsRefused() {
        expectFail(mobileAddToCart("anon-1", "sku-1"), 400, "Request body must be a JSON array of events");
    }

    @Test
    void bodyThatIsNotJsonIsRefused() {
        expectFail("[{\"platform\": ", 400, "Request body is not valid JSON");
    }

    @Test
    void emptyBatchIsRefused() {
        expectFail(List.of(), 400, "Request body must hold at least one event");
    }

    @Test
    void trackerWithoutAStoreDismissesEvents() {
        fixtures.trackerWithoutStore(project, "no-store");
        web.post().uri(collect("no-store", apiKey)).contentType(MediaType.APPLICATION_JSON).bodyValue(List.of(mobileAddToCart("a", "b")))
                .exchange().expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.status").isEqualTo("fail")
                .jsonPath("$.message").isEqualTo("Event Dismissed: Tracker does not have a store_id associated with it");
    }

    @Test
    void unknownTrackerIsNotFound() {
        web.post().uri(collect("nope", apiKey)).contentType(MediaType.APPLICATION_JSON).bodyValue(List.of(mobileAddToCart("a", "b")))
                .exchange().expectStatus().isNotFound()
                .expectBody().jsonPath("$.message").isEqualTo("Event Dismissed: Tracker not found");
    }

    @Test
    void webEventFromAnotherDomainIsDismissed() {
        web.post().uri(collect("web-1", apiKey)).header("Origin", "https://evil.example.net")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(List.of(mobileAddToCart("a", "b"), webPageView("anon-1")))
                .exchange().expectStatus().isForbidden()
                .expectBody().jsonPath("$.message").isEqualTo("Event Dismissed: Domain Not Supported");
        assertNothingWritten();
    }

    @Test
    void webEventWithoutOriginOrRefererIsDismissed() {
        expectFail(List.of(webPageView("anon-1")), 403, "Event Dismissed: Domain Not Supported");
    }

    @Test
    void mobileEventsNeedNoOrigin() {
        collectOk(List.of(mobileAddToCart("anon-1", "sku-1")));
    }

    @Test
    void projectWithoutCreditIsDismissed() {
        TenantId broke = IngestFixtures.newTenant();
        String key = fixtures.apiKeyOf(broke);
        fixtures.webTracker(broke, "web-1", "shop.example.com");
        web.post().uri(collect(broke, "web-1", key)).contentType(MediaType.APPLICATION_JSON).bodyValue(List.of(mobileAddToCart("a", "b")))
                .exchange().expectStatus().isEqualTo(402)
                .expectBody().jsonPath("$.message").isEqualTo("Event Dismissed: Please top-up your project credit in order to collect events");
        assertThat(TopicRecords.of(Topics.TRACKER_EVENTS, broke, TenantKey::tenant)).isEmpty();
    }

    @Test
    void batchCostingMoreThanTheBalanceIsDismissed() {
        fixtures.creditOf(project, 2);
        expectFail(List.of(mobileAddToCart("a", "1"), mobileAddToCart("a", "2"), mobileAddToCart("a", "3")), 402,
                "Event Dismissed: Please top-up your project credit in order to collect events");
    }

    @Test
    void keyRestrictedByScopesIsForbidden() {
        String scim = fixtures.scopedApiKeyOf(project, List.of("scim"));
        web.post().uri("/collector/collect/custom/{pid}/web-1?api_key={key}", project.value(), scim).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(List.of(mobileAddToCart("a", "b")))
                .exchange().expectStatus().isForbidden()
                .expectBody().jsonPath("$.status").isEqualTo("fail")
                .jsonPath("$.message").isEqualTo("This API key is restricted by its scopes and may not call this endpoint");
    }

    @Test
    void missingApiKeyIsUnauthorized() {
        web.post().uri("/collector/collect/custom/{pid}/web-1", project.value()).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(List.of(mobileAddToCart("a", "b")))
                .exchange().expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.status").isEqualTo("fail").jsonPath("$.message").isEqualTo("Missing API key");
    }

    @Test
    void unknownApiKeyIsUnauthorized() {
        expectUnauthorized(project, "nbk_abcdefgh_ABCDEFGHIJKLMNOPQRSTUVWXYZabcdef");
    }

    @Test
    void wrongSecretOfAKnownPrefixIsUnauthorized() {
        char last = apiKey.charAt(apiKey.length() - 1);
        expectUnauthorized(project, apiKey.substring(0, apiKey.length() - 1) + (last == 'A' ? 'B' : 'A'));
    }

    @Test
    void revokedApiKeyIsUnauthorized() {
        expectUnauthorized(project, fixtures.revokedApiKeyOf(project));
    }

    @Test
    void keyRevokedAfterItWasUsedIsUnauthorizedOnceItsRecordArrives() {
        web.post().uri(collect("web-1", apiKey)).header("Origin", SHOP_ORIGIN).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(List.of(webPageView("anon-1"))).exchange().expectStatus().isOk();

        fixtures.revoke(project, apiKey);

        // No wait beyond the record reaching the store: the decoded key kept in memory is replaced by it.
        web.post().uri(collect("web-1", apiKey)).header("Origin", SHOP_ORIGIN).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(List.of(webPageView("anon-2"))).exchange()
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.message").isEqualTo("Invalid API key or tenant");
        assertThat(TopicRecords.of(Topics.TRACKER_EVENTS, project, TenantKey::tenant)).extracting(TrackerEvent::anonUid)
                .containsExactly("anon-1");
    }

    @Test
    void expiredApiKeyIsUnauthorized() {
        expectUnauthorized(project, fixtures.expiredApiKeyOf(project));
    }

    @Test
    void experimentOnlyKeyCannotCollect() {
        expectUnauthorized(project, fixtures.experimentApiKeyOf(project));
    }

    @Test
    void keyOfAnotherTenantIsUnauthorized() {
        TenantId other = IngestFixtures.newTenant();
        expectUnauthorized(project, fixtures.apiKeyOf(other));
    }

    @Test
    void bodyLargerThanTheLimitIsTooLarge() {
        String padding = "x".repeat(1024);
        var batch = IntStream.range(0, 1100).mapToObj(i -> with(mobileAddToCart("a", "b"), "search_query", padding)).toList();
        expectFail(batch, 413, "Request body is larger than 1048576 bytes");
    }

    @Test
    void batchWithMoreEventsThanTheLimitIsTooLarge() {
        var batch = Collections.nCopies(501, mobileAddToCart("a", "b"));
        expectFail(batch, 413, "Batch holds 501 events, more than the limit of 500");
    }

    @Test
    void stringLongerThanTheLimitIsUnprocessable() {
        expectFail(List.of(with(mobileAddToCart("a", "b"), "page_url", "u".repeat(2049))), 422,
                "Field \"page_url\" is longer than 2048 characters");
    }

    @Test
    void acceptedAndRejectedEventsAreCountedInPrometheus() {
        expectFail(List.of(without(mobileAddToCart("anon-m", "sku-1"), "platform")), 400, "One or more required fields are missing!");
        collectOk(List.of(mobileAddToCart("anon-m", "sku-1")));

        assertThat(ServiceProbes.prometheus(web))
                .contains("nextbest_ingest_events_accepted_total")
                .contains("nextbest_ingest_requests_rejected_total{application=\"ingest-service\",reason=\"missing_field\"}")
                .contains("nextbest_ingest_batch_size_events_count")
                .contains("nextbest_ingest_produce_latency_seconds_bucket");
    }

    private JsonNode collectOk(Object batch) {
        byte[] body = web.post().uri(collect("web-1", apiKey)).contentType(MediaType.APPLICATION_JSON).bodyValue(batch)
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("success")
                .returnResult().getResponseBodyContent();
        return Json.mapper().readTree(body).get("data").get("event_ids");
    }

    private void expectFail(Object body, int status, String message) {
        web.post().uri(collect("web-1", apiKey)).contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange().expectStatus().isEqualTo(status)
                .expectBody().jsonPath("$.status").isEqualTo("fail").jsonPath("$.message").isEqualTo(message)
                .jsonPath("$.data").doesNotExist();
        assertNothingWritten();
    }

    private void expectUnauthorized(TenantId tenant, String key) {
        web.post().uri(collect(tenant, "web-1", key)).contentType(MediaType.APPLICATION_JSON).bodyValue(List.of(mobileAddToCart("a", "b")))
                .exchange().expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.status").isEqualTo("fail").jsonPath("$.message").isEqualTo("Invalid API key or tenant");
        assertNothingWritten();
    }

    private void assertNothingWritten() {
        assertThat(TopicRecords.of(Topics.TRACKER_EVENTS, project, TenantKey::tenant)).isEmpty();
        assertThat(TopicRecords.of(Topics.CREDIT_LEDGER, project, tenant -> tenant)).isEmpty();
    }

    private String collect(String trackerId, String key) {
        return collect(project, trackerId, key);
    }

    private static String collect(TenantId tenant, String trackerId, String key) {
        return "/collector/collect/custom/" + tenant.value() + "/" + trackerId + "?api_key=" + key;
    }
}
