package io.nextbest.catalog.outbox;

import static io.nextbest.catalog.admin.AdminFixturesAccess.admin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.nextbest.catalog.CatalogIntegrationTest;
import io.nextbest.catalog.TopicReader;
import io.nextbest.model.catalog.CatalogChange;
import io.nextbest.model.catalog.CatalogEntity;
import io.nextbest.model.catalog.entity.Offer;
import io.nextbest.model.event.CreditLedgerEntry;
import io.nextbest.model.tenant.TenantId;
import io.nextbest.model.topic.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The relay publishes every outbox row in commit order, and publishes again what a killed relay had not marked. */
@CatalogIntegrationTest
class OutboxRelayIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Autowired
    WebTestClient web;
    @Autowired
    OutboxRelay relay;
    @Autowired
    DatabaseClient db;
    @Autowired
    MeterRegistry meters;

    @AfterEach
    void relayRunsAgain() {
        relay.start();
    }

    @Test
    void everyChangeOfAnOfferArrivesInCommitOrderEndingInATombstone() {
        var admin = admin(web);
        relay.stop();
        admin.post("/admin/v1/offers", offer("o1", "v1")).exchange().expectStatus().isCreated();
        admin.put("/admin/v1/offers/o1", offer("o1", "v2")).exchange().expectStatus().isOk();
        admin.put("/admin/v1/offers/o1", offer("o1", "v3")).exchange().expectStatus().isOk();
        admin.delete("/admin/v1/offers/o1").exchange().expectStatus().isNoContent();
        relay.start();

        List<CatalogChange> changes = awaitChanges(admin.tenant(), 4);

        assertThat(changes).extracting(c -> c == null ? null : c.payloadAs(Offer.class).shortDesc())
                .containsExactly("v1", "v2", "v3", null);
        assertThat(changes.subList(0, 3)).extracting(CatalogChange::sequence).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void rowsPublishedButNotMarkedArePublishedAgainAfterRestartAndNothingIsSkipped() {
        var admin = admin(web);
        admin.post("/admin/v1/offers", offer("o1", "v1")).exchange().expectStatus().isCreated();
        admin.put("/admin/v1/offers/o1", offer("o1", "v2")).exchange().expectStatus().isOk();
        awaitChanges(admin.tenant(), 2);

        // The state a relay killed after the broker's ack but before marking leaves behind.
        relay.stop();
        db.sql("UPDATE outbox SET published_at = NULL WHERE tenant_id = :t").bind("t", admin.tenant()).fetch().rowsUpdated().block();
        admin.put("/admin/v1/offers/o1", offer("o1", "v3")).exchange().expectStatus().isOk();
        relay.start();

        List<CatalogChange> changes = awaitChanges(admin.tenant(), 5);
        assertThat(changes).extracting(c -> c.payloadAs(Offer.class).shortDesc()).containsExactly("v1", "v2", "v1", "v2", "v3");
        List<Long> outboxIds = db.sql("SELECT id FROM outbox WHERE tenant_id = :t AND entity = 'offers' ORDER BY id")
                .bind("t", admin.tenant()).map((row, meta) -> row.get("id", Long.class)).all().collectList().block();
        assertThat(changes.stream().map(CatalogChange::sequence).distinct().toList()).isEqualTo(outboxIds);
        await().atMost(PATIENCE).until(() -> db.sql("SELECT count(*) AS n FROM outbox WHERE tenant_id = :t AND published_at IS NULL")
                .bind("t", admin.tenant()).map((row, meta) -> row.get("n", Long.class)).one().block() == 0);
    }

    @Test
    void creditTopUpIsPublishedToTheLedgerWithItsEntryId() {
        var admin = admin(web);
        admin.post("/admin/v1/credit/top-ups", Map.of("amount", 250, "reference", "test")).exchange().expectStatus().isCreated();

        await().atMost(PATIENCE).untilAsserted(() -> {
            List<ConsumerRecord<byte[], byte[]>> records = TopicReader.readAll(Topics.CREDIT_LEDGER.name(), admin.tenant());
            assertThat(records).hasSize(1);
            CreditLedgerEntry entry = Topics.CREDIT_LEDGER.valueSerde().deserializer().deserialize(Topics.CREDIT_LEDGER.name(), records.get(0).value());
            assertThat(entry).isInstanceOf(CreditLedgerEntry.TopUp.class);
            assertThat(entry.amount()).isEqualTo(250);
            assertThat(entry.projectId()).isEqualTo(new TenantId(admin.tenant()));
        });
    }

    @Test
    void concurrentUpdatesArePublishedInCommitOrderSoTheLastRecordIsTheStoredState() {
        var admin = admin(web);
        admin.post("/admin/v1/offers", offer("o1", "v0")).exchange().expectStatus().isCreated();
        reactor.core.publisher.Flux.range(1, 20)
                .flatMap(i -> reactor.core.publisher.Mono.fromRunnable(() -> admin.put("/admin/v1/offers/o1", offer("o1", "v" + i))
                        .exchange().expectStatus().isOk()).subscribeOn(reactor.core.scheduler.Schedulers.boundedElastic()), 8)
                .blockLast(PATIENCE);
        String stored = admin.get("/admin/v1/offers/o1").exchange().expectStatus().isOk()
                .expectBody(Offer.class).returnResult().getResponseBody().shortDesc();

        List<CatalogChange> changes = awaitChanges(admin.tenant(), 21);

        assertThat(changes).extracting(CatalogChange::sequence).isSorted().doesNotHaveDuplicates();
        assertThat(changes.get(changes.size() - 1).payloadAs(Offer.class).shortDesc()).isEqualTo(stored);
    }

    @Test
    void aSecondInstanceCannotBecomeRelayLeaderWhileOneHoldsTheLock() {
        var admin = admin(web);
        admin.post("/admin/v1/offers", offer("o1", "v1")).exchange().expectStatus().isCreated();
        awaitChanges(admin.tenant(), 1);

        Boolean acquired = db.sql("SELECT pg_try_advisory_lock(" + OutboxRelay.LEADER_LOCK + ") AS acquired")
                .map((row, meta) -> row.get("acquired", Boolean.class)).one().block();

        assertThat(acquired).isFalse();
    }

    @Test
    void rowsTheBrokerCanNeverTakeAreSetAsideWithTheirReasonAndLaterChangesStillFlow() {
        var admin = admin(web);
        String tenant = admin.tenant();
        relay.stop();
        // Over the producer's 1 MB max.request.size, and an entity type this version does not know.
        String huge = "{\"id\":\"huge\",\"name\":\"x\",\"status\":\"active\",\"shortDesc\":\"" + "x".repeat(1_200_000) + "\"}";
        db.sql("INSERT INTO outbox (entity, tenant_id, entity_id, payload) VALUES ('offers', :t, 'huge', CAST(:p AS jsonb))")
                .bind("t", tenant).bind("p", huge).fetch().rowsUpdated().block(PATIENCE);
        db.sql("INSERT INTO outbox (entity, tenant_id, entity_id, payload) VALUES ('no-such-entity', :t, 'x', CAST('{}' AS jsonb))")
                .bind("t", tenant).fetch().rowsUpdated().block(PATIENCE);
        double rejectedBefore = rejectedCount();

        admin.post("/admin/v1/offers", offer("after", "v1")).exchange().expectStatus().isCreated();
        relay.start();

        List<CatalogChange> changes = awaitChanges(tenant, 1);
        assertThat(changes).extracting(CatalogChange::entityId).containsExactly("after");
        List<String> reasons = db.sql("SELECT rejected_reason FROM outbox WHERE tenant_id = :t AND rejected_at IS NOT NULL"
                        + " AND published_at IS NULL ORDER BY id")
                .bind("t", tenant).map((row, meta) -> row.get("rejected_reason", String.class)).all().collectList().block(PATIENCE);
        assertThat(reasons).hasSize(2);
        assertThat(reasons.get(0)).startsWith("too large for the broker");
        assertThat(reasons.get(1)).startsWith("does not encode");
        assertThat(rejectedCount() - rejectedBefore).isEqualTo(2.0);
    }

    private double rejectedCount() {
        return meters.find("nextbest.catalog.outbox.rejected").counters().stream().mapToDouble(c -> c.count()).sum();
    }

    @Test
    void rowsPublishedLongerThanTheRetentionAgoAreDeletedAndNothingElse() {
        String tenant = "purge-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        relay.stop();
        outboxRow(tenant, "old-published", "now() - interval '8 days'");
        outboxRow(tenant, "recent-published", "now() - interval '1 hour'");
        outboxRow(tenant, "old-unpublished", "NULL");

        int purged = relay.purgePublished();

        assertThat(purged).isGreaterThanOrEqualTo(1);
        assertThat(db.sql("SELECT entity_id FROM outbox WHERE tenant_id = :tenant ORDER BY id").bind("tenant", tenant)
                .map((row, meta) -> row.get("entity_id", String.class)).all().collectList().block(PATIENCE))
                .containsExactly("recent-published", "old-unpublished");
    }

    // A tombstone row created nine days ago, published when (SQL) says.
    private void outboxRow(String tenant, String entityId, String publishedAt) {
        db.sql("INSERT INTO outbox (entity, tenant_id, entity_id, payload, created_at, published_at)"
                        + " VALUES ('offers', :tenant, :id, NULL, now() - interval '9 days', " + publishedAt + ")")
                .bind("tenant", tenant).bind("id", entityId).fetch().rowsUpdated().block(PATIENCE);
    }

    private static Map<String, Object> offer(String id, String version) {
        return Map.of("id", id, "name", "Starbucks: Discount — 10 Day Low", "shortDesc", version, "status", "active", "priority", 50);
    }

    /** The offer changes of a tenant as published, a tombstone as null. */
    private static List<CatalogChange> awaitChanges(String tenant, int count) {
        var topic = Topics.catalog(CatalogEntity.OFFER);
        return await().atMost(PATIENCE).until(() -> TopicReader.readAll(topic.name(), tenant + ":").stream()
                .map(r -> topic.valueSerde().deserializer().deserialize(topic.name(), r.value())).toList(), l -> l.size() >= count);
    }
}
