package io.nextbest.catalog.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.nextbest.catalog.TopicReader;
import io.nextbest.model.event.CreditLedgerEntry;
import io.nextbest.model.topic.Topics;
import io.nextbest.testsupport.PlatformIntegrationTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

/** With load-on-start, the first start creates the demo tenant with the configured id and key and tops it up. */
@PlatformIntegrationTest(properties = {
        "nextbest.catalog.demo.load-on-start=true",
        "nextbest.catalog.demo.tenant-id=" + DemoTenantOnStartIT.TENANT,
        "nextbest.catalog.demo.api-key=" + DemoTenantOnStartIT.KEY})
class DemoTenantOnStartIT {

    static final String TENANT = "sbx-demo-it";
    static final String KEY = "nbk_demo1234_ABCDEFGHIJKLMNOPQRSTUVWXYZabcdef";

    @Autowired
    WebTestClient web;
    @Autowired
    DemoTenant demoTenant;

    @Test
    void demoTenantAnswersWithTheConfiguredKeyAndHasStartingCredit() {
        assertThat(demoTenant.tenantId()).contains(TENANT);
        web.get().uri("/admin/v1/customers/SBX-000100").header("X-API-Key", KEY).header("X-Tenant-Id", TENANT).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.id").isEqualTo("SBX-000100");

        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
            var records = TopicReader.readAll(Topics.CREDIT_LEDGER.name(), TENANT);
            assertThat(records).hasSize(1);
            CreditLedgerEntry entry = Topics.CREDIT_LEDGER.valueSerde().deserializer().deserialize(Topics.CREDIT_LEDGER.name(), records.get(0).value());
            assertThat(entry.amount()).isEqualTo(100000);
        });
    }
}
