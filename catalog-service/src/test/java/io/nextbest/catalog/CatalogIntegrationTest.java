package io.nextbest.catalog;

import io.nextbest.testsupport.PlatformIntegrationTest;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** {@link PlatformIntegrationTest} with a known bootstrap credential and a fast outbox relay. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@PlatformIntegrationTest(properties = {
        "nextbest.catalog.bootstrap-admin-key=" + CatalogIntegrationTest.BOOTSTRAP_KEY,
        "nextbest.catalog.relay.interval=50ms"})
public @interface CatalogIntegrationTest {

    String BOOTSTRAP_KEY = "test-bootstrap-admin-credential";
}
