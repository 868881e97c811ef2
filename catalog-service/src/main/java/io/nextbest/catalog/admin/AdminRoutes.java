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
        // Nested under one prefix: RouterFunctionMapping runs before the annotated controllers, so
        // every recommend, respond and collector request of standalone was tested against each of
        // the ~80 admin routes' method and path predicates before reaching its controller.
        var routes = RouterFunctions.route().path(BASE, admin -> adminRoutes(admin, entities, operator));
        // The builder applies the first filter outermost: the one ApiError mapping must wrap the
        // auth filter so that its 401s are answered like every other error.
        return routes.filter((request, next) -> Mono.defer(() -> next.handle(request)).onErrorResume(AdminErrors::toResponse)).filter(auth).build();
    }

    private static void adminRoutes(RouterFunctions.Builder admin, EntityHandler entities, OperatorHandler operator) {
        EntityType<?> tenants = EntityTypes.of(CatalogEntity.TENANT);
        admin.POST("/tenants", operator::createTenant)
                .GET("/tenants", r -> entities.list(tenants, r))
                .GET("/tenants/{id}", r -> entities.read(tenants, r))
                .PUT("/tenants/{id}", r -> operator.requireOperator(r, entities.update(tenants, r)))
                .DELETE("/tenants/{id}", r -> operator.requireOperator(r, entities.delete(tenants, r)));
        EntityType<?> keys = EntityTypes.of(CatalogEntity.API_KEY);
        admin.POST("/api-keys", operator::issueApiKey)
                .POST("/api-keys/{id}/revoke", operator::revokeApiKey)
                .GET("/api-keys", r -> entities.list(keys, r))
                .GET("/api-keys/{id}", r -> entities.read(keys, r))
                .DELETE("/api-keys/{id}", r -> entities.delete(keys, r));
        admin.POST("/customers/bulk", operator::bulkUpsertCustomers)
                .POST("/credit/top-ups", operator::topUp)
                .POST("/sample-data", operator::loadSampleData);
        for (EntityType<?> type : EntityTypes.all()) {
            if (type.entity() != CatalogEntity.TENANT && type.entity() != CatalogEntity.API_KEY) {
                crud(admin, type, entities);
            }
        }
    }

    private static <T> void crud(RouterFunctions.Builder routes, EntityType<T> type, EntityHandler entities) {
        String path = "/" + type.path();
        routes.POST(path, r -> entities.create(type, r))
                .GET(path, r -> entities.list(type, r))
                .GET(path + "/{id}", r -> entities.read(type, r))
                .PUT(path + "/{id}", r -> entities.update(type, r))
                .DELETE(path + "/{id}", r -> entities.delete(type, r));
    }
}
