package io.nextbest.catalog.sample;

import io.nextbest.catalog.system.CatalogProperties;
import java.time.Duration;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/** Loads the demo tenant on the first start when {@code nextbest.catalog.demo.load-on-start} (standalone). */
@Component
class DemoTenantOnStart implements ApplicationRunner {

    private final DemoTenant demoTenant;
    private final boolean enabled;

    DemoTenantOnStart(DemoTenant demoTenant, CatalogProperties properties) {
        this.demoTenant = demoTenant;
        this.enabled = properties.demo().loadOnStart();
    }

    @Override
    public void run(ApplicationArguments args) {
        if (enabled) {
            demoTenant.ensureCreated().block(Duration.ofMinutes(5));
        }
    }
}
