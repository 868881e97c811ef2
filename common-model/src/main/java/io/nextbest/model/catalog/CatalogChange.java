package io.nextbest.model.catalog;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.nextbest.model.tenant.TenantId;
import io.nextbest.model.tenant.TenantKey;
import io.nextbest.model.json.Json;
import java.time.Instant;
import org.apache.kafka.common.errors.SerializationException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * One change of one catalog entity as the outbox relay publishes it: the entity's current state
 * as JSON, or no payload when it was deleted. {@code sequence} is the outbox position, increasing
 * in commit order, so a consumer can ignore a change older than the one it holds. On the compacted
 * topic a deletion travels as a Kafka tombstone (null value), see {@link #topicValue()}.
 */
public record CatalogChange(
        CatalogEntity entity,
        TenantId tenantId,
        String entityId,
        long sequence,
        Instant changedAt,
        JsonNode payload) {

    public CatalogChange {
        if (entity == null || tenantId == null || entityId == null || entityId.isBlank()) {
            throw new IllegalArgumentException("entity, tenantId and entityId are required");
        }
    }

    public static CatalogChange upsert(CatalogEntity entity, TenantId tenant, String id, long sequence, Instant at, JsonNode payload) {
        if (payload == null || payload.isNull()) {
            throw new IllegalArgumentException("an upsert needs a payload; use tombstone() for deletes");
        }
        return new CatalogChange(entity, tenant, id, sequence, at, payload);
    }

    public static CatalogChange tombstone(CatalogEntity entity, TenantId tenant, String id, long sequence, Instant at) {
        return new CatalogChange(entity, tenant, id, sequence, at, null);
    }

    @JsonIgnore
    public boolean isTombstone() {
        return payload == null || payload.isNull();
    }

    /** The payload as its entity record; a payload that does not fit raises Kafka's SerializationException. */
    public <T> T payloadAs(Class<T> type) {
        if (isTombstone()) {
            return null;
        }
        try {
            return Json.mapper().treeToValue(payload, type);
        } catch (JacksonException | IllegalArgumentException e) {
            throw new SerializationException("payload of " + entity.wireName() + " " + entityId + " is not a " + type.getSimpleName(), e);
        }
    }

    public static CatalogChange upsertOf(CatalogEntity entity, TenantId tenant, String id, long sequence, Instant at, Object record) {
        return upsert(entity, tenant, id, sequence, at, Json.mapper().valueToTree(record));
    }

    public TenantKey key() {
        return new TenantKey(tenantId, entityId);
    }

    /** What goes on the compacted topic: the change itself, or null so compaction removes the key. */
    @JsonIgnore
    public CatalogChange topicValue() {
        return isTombstone() ? null : this;
    }
}
