package io.nextbest.standalone.e2e;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

/**
 * The personalization seed's product upload ({@code POST /upload_products_file?api_key=…}) in both
 * sync modes, with the multipart fields the README's upload section documents: {@code kainic_pid},
 * {@code store_id}, {@code sync_type} and the JSON {@code file}. The full sync goes to a store of
 * its own (a tracker created with the demo admin key) so it does not replace the sample store's
 * products other tests read; the stock sync then changes that store's stock only.
 */
@EndToEndTest
class ProductUploadFlowIT {

    private static final String STORE = "e2e-upload-store";

    private final WebTestClient web;

    ProductUploadFlowIT(RunningStandalone standalone) {
        this.web = standalone.web();
    }

    @Test
    void fullSyncThenStockSyncOfOneStore() {
        web.post().uri("/admin/v1/trackers").header("X-Tenant-Id", RunningStandalone.TENANT).header("X-API-Key", RunningStandalone.API_KEY)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("id", "e2e-upload-pos", "name", "Upload check POS", "storeId", STORE))
                .exchange().expectStatus().isCreated();

        upload(STORE, "full", """
                {"products": [{"item_id": "latte", "title": "Latte", "price": 4.5, "stock": 3, "attributes": {"hot": true},
                               "variants": [{"item_id": "latte-grande", "price": 5.1, "stock": 1}]},
                              {"item_id": "mocha", "title": "Mocha", "price": 4.9, "stock": 7}]}""")
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("success")
                .jsonPath("$.data.store_id").isEqualTo(STORE)
                .jsonPath("$.data.sync_type").isEqualTo("full")
                .jsonPath("$.data.products_upserted").isEqualTo(3)
                .jsonPath("$.data.products_deleted").isEqualTo(0)
                .jsonPath("$.data.credits_charged").isEqualTo(1);

        upload(STORE, "stock", """
                {"products": [{"item_id": "latte-grande", "stock": 0}, {"item_id": "mocha", "stock": 2}, {"item_id": "flat-white", "stock": 5}]}""")
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("success")
                .jsonPath("$.data.store_id").isEqualTo(STORE)
                .jsonPath("$.data.sync_type").isEqualTo("stock")
                .jsonPath("$.data.stock_updated").isEqualTo(2)
                .jsonPath("$.data.unknown_item_ids[0]").isEqualTo("flat-white")
                .jsonPath("$.data.unknown_item_ids.length()").isEqualTo(1)
                .jsonPath("$.data.credits_charged").isEqualTo(1);

        product("latte-grande").jsonPath("$.stock").isEqualTo(0).jsonPath("$.parentId").isEqualTo("latte").jsonPath("$.price").isEqualTo(5.1);
        product("mocha").jsonPath("$.stock").isEqualTo(2).jsonPath("$.title").isEqualTo("Mocha");
        product("latte").jsonPath("$.stock").isEqualTo(3);
    }

    @Test
    void aFileAgainstTheSchemaIsRefusedWithTheSeedsMessage() {
        // The sample store: it exists from the start, so the schema check is the one that refuses.
        upload(RunningStandalone.STORE, "stock", "{\"products\": [{\"item_id\": \"latte\", \"stock\": -1}]}")
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.status").isEqualTo("fail").jsonPath("$.message").isEqualTo("File schema is not valid");
    }

    private WebTestClient.ResponseSpec upload(String store, String syncType, String file) {
        MultipartBodyBuilder form = new MultipartBodyBuilder();
        form.part("kainic_pid", RunningStandalone.TENANT);
        form.part("store_id", store);
        form.part("sync_type", syncType);
        form.part("file", new ByteArrayResource(file.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return "products.json";
            }
        }).contentType(MediaType.APPLICATION_JSON);
        return web.post().uri("/upload_products_file?api_key={key}", RunningStandalone.API_KEY)
                .body(BodyInserters.fromMultipartData(form.build()))
                .exchange();
    }

    private WebTestClient.BodyContentSpec product(String itemId) {
        return web.get().uri("/admin/v1/products/{id}", STORE + ":" + itemId)
                .header("X-Tenant-Id", RunningStandalone.TENANT).header("X-API-Key", RunningStandalone.API_KEY)
                .exchange().expectStatus().isOk().expectBody();
    }
}
