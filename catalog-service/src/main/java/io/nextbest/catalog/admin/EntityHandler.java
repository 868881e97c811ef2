package io.nextbest.catalog.admin;

import io.nextbest.catalog.entities.EntityConflict;
import io.nextbest.catalog.entities.EntityNotFound;
import io.nextbest.catalog.entities.EntityStore;
import io.nextbest.catalog.entities.EntityType;
import io.nextbest.catalog.entities.InvalidEntity;
import io.nextbest.catalog.system.CatalogProperties;
import io.nextbest.model.catalog.CatalogEntity;
import io.nextbest.model.catalog.entity.SystemOutcomeTypes;
import io.nextbest.model.json.Json;
import io.nextbest.model.tenant.TenantId;
import java.net.URI;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Create, read, update, delete and list for any catalog entity, scoped to the caller's tenant.
 * A create without an id gets a random UUID; an update takes its id from the path. System
 * outcome types are readable but read-only (409).
 */
@Component
class EntityHandler {

    private final EntityStore store;
    private final AdminRequests requests;
    private final CatalogProperties.Listing listing;

    EntityHandler(EntityStore store, AdminRequests requests, CatalogProperties properties) {
        this.store = store;
        this.requests = requests;
        this.listing = properties.listing();
    }

    <T> Mono<ServerResponse> create(EntityType<T> type, ServerRequest request) {
        TenantId tenant = AdminAuthFilter.caller(request).requireTenant();
        return requests.jsonBody(request)
                .map(body -> withId(type, body, null))
                .map(body -> toEntity(type, body))
                .flatMap(entity -> guardSystemOutcome(type, type.id().apply(entity)).then(store.insert(type, tenant, entity)))
                .flatMap(entity -> ServerResponse.created(URI.create(request.uri().getRawPath() + "/" + type.id().apply(entity)))
                        .contentType(MediaType.APPLICATION_JSON).bodyValue(Json.mapper().writeValueAsString(entity)));
    }

    Mono<ServerResponse> read(EntityType<?> type, ServerRequest request) {
        TenantId tenant = AdminAuthFilter.caller(request).requireTenant();
        String id = request.pathVariable("id");
        Mono<JsonNode> system = type.entity() == CatalogEntity.OUTCOME_TYPE
                ? Mono.justOrEmpty(SystemOutcomeTypes.find(id)).map(o -> Json.mapper().valueToTree(o)) : Mono.empty();
        return system.switchIfEmpty(store.findBody(type, tenant, id))
                .switchIfEmpty(Mono.error(new EntityNotFound(type.path(), id)))
                .flatMap(AdminHttp::ok);
    }

    <T> Mono<ServerResponse> update(EntityType<T> type, ServerRequest request) {
        TenantId tenant = AdminAuthFilter.caller(request).requireTenant();
        String id = request.pathVariable("id");
        return guardSystemOutcome(type, id).then(requests.jsonBody(request))
                .map(body -> withId(type, body, id))
                .map(body -> toEntity(type, body))
                .doOnNext(entity -> {
                    if (!id.equals(type.id().apply(entity))) {
                        throw new InvalidEntity("the body's id differs from the path's", Map.of(idFieldName(type), "must be '" + id + "'"));
                    }
                })
                .flatMap(entity -> store.update(type, tenant, entity))
                .flatMap(AdminHttp::ok);
    }

    Mono<ServerResponse> delete(EntityType<?> type, ServerRequest request) {
        TenantId tenant = AdminAuthFilter.caller(request).requireTenant();
        String id = request.pathVariable("id");
        return guardSystemOutcome(type, id).then(store.delete(type, tenant, id)).then(ServerResponse.noContent().build());
    }

    Mono<ServerResponse> list(EntityType<?> type, ServerRequest request) {
        TenantId tenant = AdminAuthFilter.caller(request).requireTenant();
        int limit = request.queryParam("limit").map(EntityHandler::parseLimit).orElse(listing.defaultLimit());
        if (limit < 1 || limit > listing.maxLimit()) {
            return Mono.error(new InvalidEntity("invalid paging", Map.of("limit", "must be between 1 and " + listing.maxLimit())));
        }
        return store.list(type, tenant, request.queryParam("after").orElse(null), limit).flatMap(AdminHttp::ok);
    }

    static <T> T toEntity(EntityType<T> type, JsonNode body) {
        T entity = AdminRequests.convert(body, type.type());
        Map<String, String> errors = type.checks().apply(entity);
        if (!errors.isEmpty()) {
            throw new InvalidEntity("the " + type.path() + " entry is not valid", errors);
        }
        return entity;
    }

    /** Sets the id field from the path (update) or a new UUID (create without one). */
    static JsonNode withId(EntityType<?> type, JsonNode body, String pathId) {
        if (!(body instanceof ObjectNode object)) {
            throw new InvalidEntity("the body must be a JSON object", Map.of("body", "must be a JSON object"));
        }
        if (type.idField() == null) {
            return object;
        }
        JsonNode current = object.get(type.idField());
        if (current == null || current.isNull() || current.asString("").isBlank()) {
            object.put(type.idField(), pathId != null ? pathId : UUID.randomUUID().toString());
        } else if (!current.isString()) {
            throw new InvalidEntity("the id must be a string", Map.of(type.idField(), "must be a string"));
        }
        return object;
    }

    private static String idFieldName(EntityType<?> type) {
        return type.idField() == null ? "itemId" : type.idField();
    }

    private static Mono<Void> guardSystemOutcome(EntityType<?> type, String id) {
        if (type.entity() == CatalogEntity.OUTCOME_TYPE && SystemOutcomeTypes.find(id).isPresent()) {
            return Mono.error(new EntityConflict("'" + id + "' is a system outcome type and cannot be changed"));
        }
        return Mono.empty();
    }

    private static int parseLimit(String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
