package io.nextbest.catalog.entities;

import io.nextbest.catalog.outbox.Outbox;
import io.nextbest.model.json.Json;
import io.nextbest.model.tenant.TenantId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * Reads and writes catalog entities of one tenant. Every write stores the entity's JSON with its
 * key columns and appends the change to the outbox in the same transaction, so PostgreSQL and
 * the {@code catalog.*} topics never disagree for longer than the relay's delay. Every statement
 * is scoped by tenant: another tenant's id behaves exactly like an unknown one.
 */
@Component
public class EntityStore {

    private final DatabaseClient db;
    private final Outbox outbox;
    private final TransactionalOperator tx;

    EntityStore(DatabaseClient db, Outbox outbox, ReactiveTransactionManager transactions) {
        this.db = db;
        this.outbox = outbox;
        this.tx = TransactionalOperator.create(transactions);
    }

    public <T> Mono<T> find(EntityType<T> type, TenantId tenant, String id) {
        return findBody(type, tenant, id).map(body -> Json.mapper().treeToValue(body, type.type()));
    }

    public Mono<JsonNode> findBody(EntityType<?> type, TenantId tenant, String id) {
        return db.sql("SELECT body FROM " + type.table() + " WHERE tenant_id = :tenant AND id = :id")
                .bind("tenant", tenant.value()).bind("id", id)
                .map((row, meta) -> readBody(row.get("body", io.r2dbc.postgresql.codec.Json.class)))
                .one();
    }

    public Mono<Page> list(EntityType<?> type, TenantId tenant, String after, int limit) {
        return db.sql("SELECT id, body FROM " + type.table() + " WHERE tenant_id = :tenant AND id > :after ORDER BY id LIMIT :limit")
                .bind("tenant", tenant.value()).bind("after", after == null ? "" : after).bind("limit", limit + 1)
                .map((row, meta) -> Map.entry(row.get("id", String.class), readBody(row.get("body", io.r2dbc.postgresql.codec.Json.class))))
                .all().collectList()
                .map(rows -> {
                    boolean more = rows.size() > limit;
                    List<Map.Entry<String, JsonNode>> page = more ? rows.subList(0, limit) : rows;
                    return new Page(page.stream().map(Map.Entry::getValue).toList(), more ? page.get(page.size() - 1).getKey() : null);
                });
    }

    /** Ids of one tenant's rows matching a key column, e.g. every product of a store. */
    public Flux<String> idsWhere(EntityType<?> type, TenantId tenant, String column, Object value) {
        return db.sql("SELECT id FROM " + type.table() + " WHERE tenant_id = :tenant AND " + column + " = :value ORDER BY id")
                .bind("tenant", tenant.value()).bind("value", value)
                .map((row, meta) -> row.get("id", String.class)).all();
    }

    /** Creates the entity; 409 ({@link EntityConflict}) when its id or a unique key exists already. */
    public <T> Mono<T> insert(EntityType<T> type, TenantId tenant, T entity) {
        String id = type.id().apply(entity);
        List<String> columns = new ArrayList<>(type.columns().keySet());
        String sql = "INSERT INTO " + type.table() + " (tenant_id, id, body" + columns.stream().map(c -> ", " + c).collect(Collectors.joining())
                + ") VALUES (:tenant, :id, :body" + columns.stream().map(c -> ", :" + c).collect(Collectors.joining()) + ")";
        return write(type, tenant, entity, sql).then(record(type, tenant, id, entity)).as(tx::transactional)
                .onErrorMap(DataIntegrityViolationException.class, e -> conflict(type, id));
    }

    /** Replaces an existing entity; {@link EntityNotFound} when the tenant has none with that id. */
    public <T> Mono<T> update(EntityType<T> type, TenantId tenant, T entity) {
        String id = type.id().apply(entity);
        String sql = "UPDATE " + type.table() + " SET body = :body, updated_at = now()"
                + type.columns().keySet().stream().map(c -> ", " + c + " = :" + c).collect(Collectors.joining())
                + " WHERE tenant_id = :tenant AND id = :id";
        return write(type, tenant, entity, sql)
                .flatMap(rows -> rows == 0 ? Mono.error(new EntityNotFound(type.path(), id)) : record(type, tenant, id, entity))
                .as(tx::transactional)
                .onErrorMap(DataIntegrityViolationException.class, e -> conflict(type, id));
    }

    /** Creates or replaces (bulk customer upsert, product upload, sample data). */
    public <T> Mono<T> upsert(EntityType<T> type, TenantId tenant, T entity) {
        String id = type.id().apply(entity);
        List<String> columns = new ArrayList<>(type.columns().keySet());
        String sql = "INSERT INTO " + type.table() + " (tenant_id, id, body" + columns.stream().map(c -> ", " + c).collect(Collectors.joining())
                + ") VALUES (:tenant, :id, :body" + columns.stream().map(c -> ", :" + c).collect(Collectors.joining()) + ")"
                + " ON CONFLICT (tenant_id, id) DO UPDATE SET body = EXCLUDED.body, updated_at = now()"
                + columns.stream().map(c -> ", " + c + " = EXCLUDED." + c).collect(Collectors.joining());
        return write(type, tenant, entity, sql).then(record(type, tenant, id, entity)).as(tx::transactional)
                .onErrorMap(DataIntegrityViolationException.class, e -> conflict(type, id));
    }

    /** Deletes and tombstones; {@link EntityNotFound} when the tenant has none with that id. */
    public Mono<Void> delete(EntityType<?> type, TenantId tenant, String id) {
        return db.sql("DELETE FROM " + type.table() + " WHERE tenant_id = :tenant AND id = :id")
                .bind("tenant", tenant.value()).bind("id", id)
                .fetch().rowsUpdated()
                .flatMap(rows -> rows == 0 ? Mono.<Long>error(new EntityNotFound(type.path(), id))
                        : outbox.append(type.path(), tenant, id, null))
                .as(tx::transactional).then();
    }

    /** Runs the given work in one transaction (joining an outer one), e.g. a bulk upsert that is all-or-nothing. */
    public <T> Mono<T> inTransaction(Mono<T> work) {
        return work.as(tx::transactional);
    }

    private <T> Mono<Long> write(EntityType<T> type, TenantId tenant, T entity, String sql) {
        var spec = db.sql(sql).bind("tenant", tenant.value()).bind("id", type.id().apply(entity))
                .bind("body", io.r2dbc.postgresql.codec.Json.of(Json.mapper().writeValueAsString(entity)));
        for (var column : type.columns().entrySet()) {
            Object value = column.getValue().apply(entity);
            // Only the timestamp columns (…_at) can be null besides text ones.
            spec = value == null ? spec.bindNull(column.getKey(), column.getKey().endsWith("_at") ? Instant.class : String.class)
                    : spec.bind(column.getKey(), value);
        }
        return spec.fetch().rowsUpdated();
    }

    private <T> Mono<T> record(EntityType<T> type, TenantId tenant, String id, T entity) {
        return outbox.append(type.path(), tenant, id, Json.mapper().writeValueAsString(entity)).thenReturn(entity);
    }

    private static EntityConflict conflict(EntityType<?> type, String id) {
        return new EntityConflict("a " + type.path() + " entry with id '" + id + "' or the same unique key already exists");
    }

    private static JsonNode readBody(io.r2dbc.postgresql.codec.Json json) {
        return Json.mapper().readTree(json.asString());
    }
}
