package io.nextbest.catalog.admin;

import io.nextbest.catalog.apikey.ApiKeys;
import io.nextbest.catalog.credit.CreditTopUps;
import io.nextbest.catalog.entities.EntityStore;
import io.nextbest.catalog.entities.EntityType;
import io.nextbest.catalog.entities.EntityTypes;
import io.nextbest.catalog.entities.InvalidEntity;
import io.nextbest.catalog.sample.SampleData;
import io.nextbest.model.catalog.CatalogEntity;
import io.nextbest.model.catalog.entity.ApiKey;
import io.nextbest.model.catalog.entity.CustomerProfile;
import io.nextbest.model.catalog.entity.Tenant;
import io.nextbest.model.tenant.TenantId;
import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * The admin operations that are more than plain CRUD: creating tenants (bootstrap credential
 * only), issuing and revoking API keys, bulk customer upserts and credit top-ups.
 */
@Component
class OperatorHandler {

    static final int MAX_BULK_CUSTOMERS = 1000;

    private final EntityStore store;
    private final AdminRequests requests;
    private final ApiKeys apiKeys;
    private final CreditTopUps topUps;
    private final SampleData sampleData;

    OperatorHandler(EntityStore store, AdminRequests requests, ApiKeys apiKeys, CreditTopUps topUps, SampleData sampleData) {
        this.sampleData = sampleData;
        this.store = store;
        this.requests = requests;
        this.apiKeys = apiKeys;
        this.topUps = topUps;
    }

    Mono<ServerResponse> createTenant(ServerRequest request) {
        if (!AdminAuthFilter.caller(request).bootstrap()) {
            return Mono.error(AdminException.forbidden("only the bootstrap admin credential may create tenants"));
        }
        EntityType<Tenant> type = EntityTypes.of(CatalogEntity.TENANT);
        return requests.jsonBody(request)
                .map(body -> EntityHandler.toEntity(type, EntityHandler.withId(type, body, null)))
                .map(t -> new Tenant(t.id(), t.name(), t.status() == null ? "active" : t.status(),
                        t.createdAt() == null ? Instant.now().truncatedTo(ChronoUnit.MILLIS) : t.createdAt()))
                .flatMap(t -> store.insert(type, new TenantId(t.id()), t))
                .flatMap(t -> AdminHttp.status(HttpStatus.CREATED, t));
    }

    Mono<ServerResponse> requireOperator(ServerRequest request, Mono<ServerResponse> work) {
        return AdminAuthFilter.caller(request).bootstrap() ? work
                : Mono.error(AdminException.forbidden("only the bootstrap admin credential may change tenants"));
    }

    Mono<ServerResponse> issueApiKey(ServerRequest request) {
        TenantId tenant = AdminAuthFilter.caller(request).requireTenant();
        EntityType<ApiKey> type = EntityTypes.of(CatalogEntity.API_KEY);
        return requests.jsonBody(request)
                .map(body -> AdminRequests.convert(body, ApiKey.class))
                .doOnNext(key -> {
                    var errors = type.checks().apply(key);
                    if (!errors.isEmpty()) {
                        throw new InvalidEntity("the api-keys entry is not valid", errors);
                    }
                })
                .flatMap(key -> apiKeys.issue(tenant, key))
                .flatMap(issued -> ServerResponse.created(URI.create(request.uri().getRawPath() + "/" + issued.apiKey().id()))
                        .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                        .bodyValue(io.nextbest.model.json.Json.mapper().writeValueAsString(issued)));
    }

    Mono<ServerResponse> revokeApiKey(ServerRequest request) {
        TenantId tenant = AdminAuthFilter.caller(request).requireTenant();
        return apiKeys.revoke(tenant, request.pathVariable("id")).flatMap(AdminHttp::ok);
    }

    /** All-or-nothing: one invalid profile rejects the whole batch (422 naming its index). */
    Mono<ServerResponse> bulkUpsertCustomers(ServerRequest request) {
        TenantId tenant = AdminAuthFilter.caller(request).requireTenant();
        EntityType<CustomerProfile> type = EntityTypes.of(CatalogEntity.CUSTOMER);
        return requests.jsonBody(request)
                .map(body -> validCustomers(type, body))
                .flatMap(customers -> store.inTransaction(Flux.fromIterable(customers)
                        .concatMap(c -> store.upsert(type, tenant, c)).count()))
                .flatMap(count -> AdminHttp.ok(Map.of("upserted", count)));
    }

    Mono<ServerResponse> topUp(ServerRequest request) {
        TenantId tenant = AdminAuthFilter.caller(request).requireTenant();
        return requests.jsonBody(request).flatMap(body -> {
            JsonNode amount = body.get("amount");
            if (amount == null || !amount.canConvertToLong() || !amount.isIntegralNumber() || amount.asLong() <= 0) {
                return Mono.error(new InvalidEntity("invalid top-up", Map.of("amount", "must be a positive whole number")));
            }
            JsonNode reference = body.get("reference");
            return topUps.topUp(tenant, amount.asLong(), reference == null || reference.isNull() ? null : reference.asString());
        }).flatMap(entry -> AdminHttp.status(HttpStatus.CREATED, entry));
    }

    /** Loads (or restores) the coffee-chain sample data into the caller's tenant. */
    Mono<ServerResponse> loadSampleData(ServerRequest request) {
        TenantId tenant = AdminAuthFilter.caller(request).requireTenant();
        return sampleData.load(tenant).flatMap(counts -> AdminHttp.ok(Map.of("loaded", counts)));
    }

    private static List<CustomerProfile> validCustomers(EntityType<CustomerProfile> type, JsonNode body) {
        if (!body.isArray() || body.isEmpty() || body.size() > MAX_BULK_CUSTOMERS) {
            throw new InvalidEntity("invalid bulk upsert", Map.of("body", "must be an array of 1 to " + MAX_BULK_CUSTOMERS + " customers"));
        }
        List<CustomerProfile> customers = new ArrayList<>();
        for (int i = 0; i < body.size(); i++) {
            JsonNode item = body.get(i);
            if (item.get("id") == null || item.get("id").asString("").isBlank()) {
                throw new InvalidEntity("invalid bulk upsert", Map.of("[" + i + "].id", "is required"));
            }
            try {
                customers.add(EntityHandler.toEntity(type, item));
            } catch (InvalidEntity e) {
                String index = "[" + i + "].";
                Map<String, String> indexed = new java.util.LinkedHashMap<>();
                e.fields().forEach((field, message) -> indexed.put(index + field, message));
                throw new InvalidEntity("invalid bulk upsert", indexed);
            }
        }
        return customers;
    }
}
