package io.nextbest.catalog;

import io.nextbest.testsupport.ServiceProbes;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

@CatalogIntegrationTest
class CatalogServiceIT {

    @Autowired
    WebTestClient web;

    @Test
    void becomesReadyWithItsDatabaseAndExportsMetrics() throws Exception {
        ServiceProbes.assertServesProbesMetricsAndTopics(web, "catalog-service", Set.of("catalog-credit"),
                Set.of("catalog.offers", "catalog.api-keys", "catalog.products", "credit-ledger"));

        web.get().uri("/actuator/health/readiness").exchange()
                .expectBody().jsonPath("$.components.r2dbc.status").isEqualTo("UP");
    }
}
