package io.nextbest.catalog.upload;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.springframework.stereotype.Component;

/**
 * The JSON Schemas (draft 2020-12, checked with networknt json-schema-validator) a product file
 * must satisfy before anything is written: {@code upload/products-full.schema.json} and
 * {@code upload/products-stock.schema.json}.
 */
@Component
class ProductFileSchemas {

    private final Schema full;
    private final Schema stock;

    ProductFileSchemas() {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
        this.full = load(registry, "upload/products-full.schema.json");
        this.stock = load(registry, "upload/products-stock.schema.json");
    }

    boolean isValid(SyncType syncType, String json) {
        Schema schema = syncType == SyncType.FULL ? full : stock;
        try {
            return schema.validate(json, InputFormat.JSON).isEmpty();
        } catch (RuntimeException e) {
            // Not even JSON: the parser inside the validator refuses it.
            return false;
        }
    }

    private static Schema load(SchemaRegistry registry, String resource) {
        try (InputStream in = ProductFileSchemas.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing schema resource " + resource);
            }
            return registry.getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
