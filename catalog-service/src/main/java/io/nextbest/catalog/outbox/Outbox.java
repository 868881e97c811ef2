package io.nextbest.catalog.outbox;

import io.nextbest.model.tenant.TenantId;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Appends changes to the outbox table inside the caller's transaction. The relay publishes them
 * in id order, so id order must be commit order: every append first takes one transaction-scoped
 * advisory lock, which serializes the tail of all writing transactions (id taken, then commit)
 * and so no transaction with a smaller id can commit after one with a larger id was relayed.
 */
@Component
public class Outbox {

    /** Advisory lock id serializing outbox appends ("nbout" in ASCII); any constant unique to this use works. */
    static final long APPEND_LOCK = 0x6e626f7574L;
    /** The outbox {@code entity} value of a credit-ledger entry; catalog changes use the entity's wire name. */
    public static final String CREDIT_LEDGER = "credit-ledger";

    private final DatabaseClient db;

    Outbox(DatabaseClient db) {
        this.db = db;
    }

    /** Must run inside a transaction (the lock is released at its commit); a null payload is a deletion. */
    public Mono<Long> append(String entity, TenantId tenant, String entityId, String payloadJson) {
        var insert = db.sql("INSERT INTO outbox (entity, tenant_id, entity_id, payload) VALUES (:entity, :tenant, :entityId, :payload) RETURNING id")
                .bind("entity", entity)
                .bind("tenant", tenant.value())
                .bind("entityId", entityId);
        insert = payloadJson == null
                ? insert.bindNull("payload", io.r2dbc.postgresql.codec.Json.class)
                : insert.bind("payload", io.r2dbc.postgresql.codec.Json.of(payloadJson));
        var row = insert.map((r, m) -> r.get("id", Long.class)).one();
        return db.sql("SELECT pg_advisory_xact_lock(:lock)").bind("lock", APPEND_LOCK).fetch().rowsUpdated().then(row);
    }
}
