package io.nextbest.catalog.outbox;

import io.nextbest.model.catalog.CatalogChange;
import io.nextbest.model.catalog.CatalogEntity;
import io.nextbest.model.event.CreditLedgerEntry;
import io.nextbest.model.json.Json;
import io.nextbest.model.tenant.TenantId;
import io.nextbest.model.tenant.TenantKey;
import io.nextbest.model.topic.Topic;
import io.nextbest.model.topic.Topics;
import io.r2dbc.spi.Row;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.apache.kafka.clients.producer.ProducerRecord;

/** One outbox row and the Kafka record it becomes: a catalog change (or tombstone), or a credit-ledger entry. */
record OutboxRow(long id, String entity, TenantId tenant, String entityId, String payload, Instant createdAt) {

    static OutboxRow from(Row row) {
        io.r2dbc.postgresql.codec.Json payload = row.get("payload", io.r2dbc.postgresql.codec.Json.class);
        return new OutboxRow(
                row.get("id", Long.class),
                row.get("entity", String.class),
                new TenantId(row.get("tenant_id", String.class)),
                row.get("entity_id", String.class),
                payload == null ? null : payload.asString(),
                row.get("created_at", OffsetDateTime.class).toInstant());
    }

    ProducerRecord<byte[], byte[]> toProducerRecord() {
        if (Outbox.CREDIT_LEDGER.equals(entity)) {
            CreditLedgerEntry entry = Json.mapper().readValue(payload, CreditLedgerEntry.class);
            return serialized(Topics.CREDIT_LEDGER, tenant, entry);
        }
        CatalogEntity catalogEntity = CatalogEntity.fromWire(entity);
        CatalogChange change = payload == null
                ? CatalogChange.tombstone(catalogEntity, tenant, entityId, id, createdAt)
                : CatalogChange.upsert(catalogEntity, tenant, entityId, id, createdAt, Json.mapper().readTree(payload));
        return serialized(Topics.catalog(catalogEntity), new TenantKey(tenant, entityId), change.topicValue());
    }

    private static <K, V> ProducerRecord<byte[], byte[]> serialized(Topic<K, V> topic, K key, V value) {
        return new ProducerRecord<>(topic.name(),
                topic.keySerde().serializer().serialize(topic.name(), key),
                value == null ? null : topic.valueSerde().serializer().serialize(topic.name(), value));
    }
}
