package io.nextbest.catalog.system;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * catalog-service settings ({@code nextbest.catalog.*}); every default is in
 * {@code config/nextbest-catalog.yaml}.
 *
 * @param bootstrapAdminKey the operator credential that may create tenants and their first keys;
 *                          blank means one is generated on first start and printed once
 * @param maxBodySize       largest admin API body accepted (413 beyond)
 */
@ConfigurationProperties("nextbest.catalog")
public record CatalogProperties(
        String bootstrapAdminKey,
        DataSize maxBodySize,
        Relay relay,
        Listing listing,
        Upload upload,
        Demo demo) {

    /**
     * @param interval      pause between polls of an idle outbox
     * @param batchSize     rows published (and purged) per round trip
     * @param keepPublished how long a published row stays in the outbox before the leader deletes it
     * @param purgeEvery    how often the leader looks for such rows
     */
    public record Relay(Duration interval, int batchSize, Duration keepPublished, Duration purgeEvery) {
    }

    /** @param defaultLimit page size without {@code ?limit=}; @param maxLimit the largest allowed */
    public record Listing(int defaultLimit, int maxLimit) {
    }

    /**
     * @param maxFileSize         largest product file accepted
     * @param productsPerCredit   an upload costs ceil(products / productsPerCredit) credits, at least one
     */
    public record Upload(DataSize maxFileSize, int productsPerCredit) {
    }

    /**
     * @param tenantId       the demo tenant's id (blank: generated on first start)
     * @param apiKey         the demo tenant's API key, a well-formed {@code nbk_…} key (blank: generated)
     * @param loadOnStart    load the sample data into an empty database at start-up (standalone)
     * @param startingCredit credit the demo project is topped up with
     */
    public record Demo(String tenantId, String apiKey, boolean loadOnStart, long startingCredit) {
    }
}
