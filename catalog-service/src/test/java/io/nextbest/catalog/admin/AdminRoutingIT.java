package io.nextbest.catalog.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.nextbest.catalog.CatalogIntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.reactive.function.server.HandlerFunction;
import org.springframework.web.reactive.function.server.HandlerStrategies;
import org.springframework.web.reactive.function.server.RequestPredicate;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * Router functions are asked before the annotated controllers, so in standalone every recommend,
 * respond and collector request passes the admin routes first: they must turn it away with one
 * prefix test, not one method-and-path test per admin route.
 */
@CatalogIntegrationTest
class AdminRoutingIT {

    @Autowired
    RouterFunction<ServerResponse> catalogAdminRoutes;

    @Test
    void everyAdminRouteIsNestedUnderTheOneAdminPrefix() {
        TopLevel topLevel = new TopLevel();
        catalogAdminRoutes.accept(topLevel);
        assertThat(topLevel.nests).singleElement().asString().contains(AdminRoutes.BASE);
        assertThat(topLevel.routes).isEmpty();
        assertThat(topLevel.nestedRoutes).isGreaterThan(50);
    }

    @Test
    void aRequestOutsideTheAdminApiIsNotMatchedAndOneInsideIs() {
        assertThat(handlerFor(MockServerHttpRequest.post("/api/v1/recommend").build()).blockOptional()).isEmpty();
        assertThat(handlerFor(MockServerHttpRequest.post("/collector/collect/custom/p/t").build()).blockOptional()).isEmpty();
        assertThat(handlerFor(MockServerHttpRequest.get("/admin/v1/offers/o-1").build()).blockOptional()).isPresent();
        assertThat(handlerFor(MockServerHttpRequest.post("/admin/v1/api-keys/k/revoke").build()).blockOptional()).isPresent();
    }

    private Mono<HandlerFunction<ServerResponse>> handlerFor(MockServerHttpRequest request) {
        return catalogAdminRoutes.route(ServerRequest.create(MockServerWebExchange.from(request),
                HandlerStrategies.withDefaults().messageReaders()));
    }

    /** Records what the router holds at its top level and how many routes sit inside nests. */
    private static final class TopLevel implements RouterFunctions.Visitor {
        final List<String> nests = new ArrayList<>();
        final List<String> routes = new ArrayList<>();
        int nestedRoutes;
        private int depth;

        @Override
        public void startNested(RequestPredicate predicate) {
            if (depth++ == 0) {
                nests.add(predicate.toString());
            }
        }

        @Override
        public void endNested(RequestPredicate predicate) {
            depth--;
        }

        @Override
        public void route(RequestPredicate predicate, HandlerFunction<?> handlerFunction) {
            if (depth == 0) {
                routes.add(predicate.toString());
            } else {
                nestedRoutes++;
            }
        }

        @Override
        public void resources(Function<ServerRequest, Mono<Resource>> lookupFunction) {
            routes.add("resources");
        }

        @Override
        public void attributes(Map<String, Object> attributes) {
        }

        @Override
        public void unknown(RouterFunction<?> routerFunction) {
            routes.add(routerFunction.toString());
        }
    }
}
