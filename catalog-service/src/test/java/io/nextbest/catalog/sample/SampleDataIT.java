package io.nextbest.catalog.sample;

import static io.nextbest.catalog.admin.AdminFixturesAccess.admin;

import io.nextbest.catalog.CatalogIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The coffee-chain sample data loads on demand into the caller's tenant, with the customer the seeds use. */
@CatalogIntegrationTest
class SampleDataIT {

    WebTestClient web;

    @Autowired
    void client(WebTestClient client) {
        // Loading writes about 2,200 rows and outbox entries in one transaction: more than the default 5 s.
        this.web = client.mutate().responseTimeout(java.time.Duration.ofMinutes(3)).build();
    }

    @Test
    void loadsTheCoffeeChainDatasetIntoTheCallersTenant() {
        var admin = admin(web);
        admin.post("/admin/v1/sample-data", java.util.Map.of()).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.loaded.offers").isEqualTo(60)
                .jsonPath("$.loaded.customers").isEqualTo(500)
                .jsonPath("$.loaded.products").isEqualTo(1000)
                .jsonPath("$.loaded.models").isEqualTo(3)
                .jsonPath("$.loaded.experiments").isEqualTo(2);

        admin.get("/admin/v1/customers/SBX-000100").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.attributes.tier").exists().jsonPath("$.attributes.loyalty_score").exists()
                .jsonPath("$.attributes.region").exists().jsonPath("$.attributes.age").exists()
                .jsonPath("$.attributes.income").exists().jsonPath("$.segments").isNotEmpty();
        admin.get("/admin/v1/decision-flows/starbucks-decision-pipeline").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.isDefault").isEqualTo(true);
        admin.get("/admin/v1/offers/sbx-offer-01").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.name").isEqualTo("Starbucks: Discount — 10 Day Low");
    }

    @Test
    void loadingTwiceKeepsOneCopy() {
        var admin = admin(web);
        admin.post("/admin/v1/sample-data", java.util.Map.of()).exchange().expectStatus().isOk();
        admin.post("/admin/v1/sample-data", java.util.Map.of()).exchange().expectStatus().isOk();

        admin.get("/admin/v1/experiments?limit=500").exchange().expectStatus().isOk().expectBody().jsonPath("$.items.length()").isEqualTo(2);
        admin.get("/admin/v1/channels").exchange().expectStatus().isOk().expectBody().jsonPath("$.items.length()").isEqualTo(3);
    }
}
