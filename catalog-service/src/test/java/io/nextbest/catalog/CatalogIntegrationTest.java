package io.nextbest.catalog;

import io.nextbest.testsupport.PlatformIntegrationTest;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** {@link PlatformIntegrationTest} with a known bootstrap credential, a fast outbox relay. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@PlatformIntegrationTest(properties = {
        "nextbest.catalog.bootstrap-admin-key=" + CatalogIntegrationTest.BOOTSTRAP_KEY,
        "nextbest.catalog.relay.interval=50ms",
        // Small enough that a test can exceed it cheaply.
        "nextbest.catalog.upload.max-file-size=64KB"})
public @interface CatalogIntegrationTest {

    String BOOTSTRAP_KEY = "test-bootstrap-admin-credential";
}
