package io.nextbest.catalog.admin;

import io.nextbest.catalog.entities.EntityType;
import io.nextbest.catalog.entities.EntityTypes;
import io.nextbest.model.catalog.CatalogEntity;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * The admin API, {@code /admin/v1/**}: for each entity {@code POST /<entity>}, {@code GET
 * /<entity>?limit=&after=}, {@code GET|PUT|DELETE /<entity>/{id}}, plus tenants, API keys,
 * bulk customers and credit top-ups. Paths are the entities' wire names (README).
 */
@Configuration(proxyBeanMethods = false)
class AdminRoutes {

    static final String BASE = "/admin/v1";

    @Bean
    RouterFunction<ServerResponse> catalogAdminRoutes(EntityHandler entities, OperatorHandler operator, AdminAuthFilter auth) {
        var routes = RouterFunctions.route();
        EntityType<?> tenants = EntityTypes.of(CatalogEntity.TENANT);
        routes.POST(BASE + "/tenants", operator::createTenant)
                .GET(BASE + "/tenants", r -> entities.list(tenants, r))
                .GET(BASE + "/tenants/{id}", r -> entities.read(tenants, r))
                .PUT(BASE + "/tenants/{id}", r -> operator.requireOperator(r, entities.update(tenants, r)))
                .DELETE(BASE + "/tenants/{id}", r -> operator.requireOperator(r, entities.delete(tenants, r)));
        EntityType<?> keys = EntityTypes.of(CatalogEntity.API_KEY);
        routes.POST(BASE + "/api-keys", operator::issueApiKey)
                .POST(BASE + "/api-keys/{id}/revoke", operator::revokeApiKey)
                .GET(BASE + "/api-keys", r -> entities.list(keys, r))
                .GET(BASE + "/api-keys/{id}", r -> entities.read(keys, r))
                .DELETE(BASE + "/api-keys/{id}", r -> entities.delete(keys, r));
        routes.POST(BASE + "/customers/bulk", operator::bulkUpsertCustomers)
                .POST(BASE + "/credit/top-ups", operator::topUp)
                .POST(BASE + "/sample-data", operator::loadSampleData);
        for (EntityType<?> type : EntityTypes.all()) {
            if (type.entity() != CatalogEntity.TENANT && type.entity() != CatalogEntity.API_KEY) {
                crud(routes, type, entities);
            }
        }
        // The builder applies the first filter outermost: the one ApiError mapping must wrap the
        // auth filter so that its 401s are answered like every other error.
        return routes.filter((request, next) -> Mono.defer(() -> next.handle(request)).onErrorResume(AdminErrors::toResponse)).filter(auth).build();
    }

    private static <T> void crud(RouterFunctions.Builder routes, EntityType<T> type, EntityHandler entities) {
        String path = BASE + "/" + type.path();
        routes.POST(path, r -> entities.create(type, r))
                .GET(path, r -> entities.list(type, r))
                .GET(path + "/{id}", r -> entities.read(type, r))
                .PUT(path + "/{id}", r -> entities.update(type, r))
                .DELETE(path + "/{id}", r -> entities.delete(type, r));
    }
}
