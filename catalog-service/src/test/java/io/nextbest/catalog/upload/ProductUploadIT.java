package io.nextbest.catalog.upload;

import static io.nextbest.catalog.admin.AdminFixturesAccess.admin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.nextbest.catalog.CatalogIntegrationTest;
import io.nextbest.catalog.TopicReader;
import io.nextbest.model.catalog.CatalogEntity;
import io.nextbest.catalog.admin.AdminFixturesAccess.Admin;
import io.nextbest.catalog.credit.CreditBalances;
import io.nextbest.model.event.CreditBalance;
import io.nextbest.model.json.Json;
import io.nextbest.model.tenant.TenantId;
import io.nextbest.model.topic.Topics;
import io.nextbest.testsupport.SharedKafka;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

/** The product upload: full replaces a store's catalog, stock touches stock only, and every refusal has the seed's message. */
@CatalogIntegrationTest
class ProductUploadIT {

    private static final String STORE = "store-1";

    @Autowired
    WebTestClient web;
    @Autowired
    CreditBalances credit;

    Admin admin;

    @BeforeEach
    void tenantWithStoreAndCredit() throws Exception {
        admin = admin(web);
        admin.post("/admin/v1/trackers", Map.of("id", "web", "name", "Web", "storeId", STORE)).exchange().expectStatus().isCreated();
        giveCredit(admin.tenant(), 10);
    }

    @Test
    void fullSyncReplacesTheStoresCatalog() {
        upload(SyncType.FULL, file("""
                {"products":[{"item_id":"latte","title":"Latte","price":4.5,"stock":3,"variants":[{"item_id":"latte-grande","price":5.1}]},
                             {"item_id":"mocha","title":"Mocha","price":4.9}]}""")).expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("success").jsonPath("$.data.products_upserted").isEqualTo(3)
                .jsonPath("$.data.products_deleted").isEqualTo(0);

        upload(SyncType.FULL, file("""
                {"products":[{"item_id":"latte","title":"Caffè Latte","price":4.7}]}""")).expectStatus().isOk()
                .expectBody().jsonPath("$.data.products_upserted").isEqualTo(1).jsonPath("$.data.products_deleted").isEqualTo(2);

        admin.get("/admin/v1/products/" + STORE + ":latte").exchange().expectStatus().isOk().expectBody().jsonPath("$.title").isEqualTo("Caffè Latte");
        admin.get("/admin/v1/products/" + STORE + ":mocha").exchange().expectStatus().isNotFound();
        admin.get("/admin/v1/products/" + STORE + ":latte-grande").exchange().expectStatus().isNotFound();
    }

    @Test
    void productsDroppedByAFullSyncAreTombstonedOnTheTopic() {
        upload(SyncType.FULL, file("{\"products\":[{\"item_id\":\"latte\",\"title\":\"Latte\"},{\"item_id\":\"mocha\",\"title\":\"Mocha\"}]}"))
                .expectStatus().isOk();
        upload(SyncType.FULL, file("{\"products\":[{\"item_id\":\"latte\",\"title\":\"Latte\"}]}")).expectStatus().isOk();

        String mochaKey = admin.tenant() + ":" + STORE + ":mocha";
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            var records = TopicReader.readAll(Topics.catalog(CatalogEntity.PRODUCT).name(), mochaKey);
            assertThat(records).hasSize(2);
            assertThat(records.get(1).value()).isNull();
        });
    }

    @Test
    void fileOverTheSizeLimitIsRefused() {
        String big = "{\"products\":[{\"item_id\":\"latte\",\"title\":\"" + "x".repeat(100 * 1024) + "\"}]}";
        upload(SyncType.FULL, file(big)).expectStatus().isEqualTo(413).expectBody().jsonPath("$.message").isEqualTo("File is too large");
    }

    @Test
    void stockSyncChangesOnlyStockAndReportsUnknownIds() {
        upload(SyncType.FULL, file("""
                {"products":[{"item_id":"latte","title":"Latte","price":4.5,"stock":3},{"item_id":"mocha","title":"Mocha","stock":1}]}"""))
                .expectStatus().isOk();

        upload(SyncType.STOCK, file("""
                {"products":[{"item_id":"latte","stock":9},{"item_id":"chai","stock":2}]}""")).expectStatus().isOk()
                .expectBody().jsonPath("$.data.stock_updated").isEqualTo(1).jsonPath("$.data.unknown_item_ids[0]").isEqualTo("chai");

        admin.get("/admin/v1/products/" + STORE + ":latte").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.stock").isEqualTo(9).jsonPath("$.title").isEqualTo("Latte").jsonPath("$.price").isEqualTo(4.5);
        admin.get("/admin/v1/products/" + STORE + ":mocha").exchange().expectStatus().isOk().expectBody().jsonPath("$.stock").isEqualTo(1);
        admin.get("/admin/v1/products/" + STORE + ":chai").exchange().expectStatus().isNotFound();
    }

    @Test
    void missingFileIsRefused() {
        MultipartBodyBuilder form = form(SyncType.FULL);
        send(form).expectStatus().isBadRequest().expectBody().jsonPath("$.status").isEqualTo("fail").jsonPath("$.message").isEqualTo("No file found");
    }

    @Test
    void unknownStoreIsRefused() {
        MultipartBodyBuilder form = new MultipartBodyBuilder();
        form.part("kainic_pid", admin.tenant());
        form.part("store_id", "nowhere");
        form.part("sync_type", "full");
        form.part("file", file("{\"products\":[]}")).filename("products.json").contentType(MediaType.APPLICATION_JSON);
        send(form).expectStatus().isNotFound().expectBody().jsonPath("$.message").isEqualTo("File is empty: Store with id nowhere does not exist");
    }

    @Test
    void fileNotMatchingTheSchemaIsRefusedAndNothingIsWritten() {
        upload(SyncType.FULL, file("""
                {"products":[{"item_id":"latte","title":"Latte"},{"item_id":"bad","price":-1}]}"""))
                .expectStatus().isEqualTo(422).expectBody().jsonPath("$.message").isEqualTo("File schema is not valid");
        admin.get("/admin/v1/products/" + STORE + ":latte").exchange().expectStatus().isNotFound();
    }

    @Test
    void fileThatIsNotJsonIsRefused() {
        upload(SyncType.FULL, file("products: [latte]")).expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.message").isEqualTo("File schema is not valid");
    }

    @Test
    void missingFormFieldsAreRefused() {
        MultipartBodyBuilder form = new MultipartBodyBuilder();
        form.part("kainic_pid", admin.tenant());
        form.part("file", file("{\"products\":[]}")).filename("products.json");
        send(form).expectStatus().isBadRequest().expectBody()
                .jsonPath("$.message").isEqualTo("One or more required fields are missing in the request body");
    }

    @Test
    void uploadWithoutEnoughCreditIsRefused() throws Exception {
        giveCredit(admin.tenant(), 0);
        upload(SyncType.FULL, file("{\"products\":[{\"item_id\":\"latte\",\"title\":\"Latte\"}]}"))
                .expectStatus().isEqualTo(402).expectBody().jsonPath("$.message").isEqualTo("Insufficient Credit !");
        admin.get("/admin/v1/products/" + STORE + ":latte").exchange().expectStatus().isNotFound();
    }

    @Test
    void keyRestrictedByScopesIsForbidden() {
        byte[] issued = admin.post("/admin/v1/api-keys", Map.of("name", "scim key", "kind", "api", "scopes", List.of("scim"))).exchange()
                .expectStatus().isCreated().expectBody().returnResult().getResponseBody();
        String scim = Json.mapper().readTree(issued).get("key").asString();
        MultipartBodyBuilder form = form(SyncType.FULL);
        form.part("file", file("{\"products\":[]}")).filename("products.json");
        web.post().uri("/upload_products_file?api_key=" + scim).contentType(MediaType.MULTIPART_FORM_DATA)
                .body(BodyInserters.fromMultipartData(form.build())).exchange()
                .expectStatus().isForbidden().expectBody().jsonPath("$.status").isEqualTo("fail")
                .jsonPath("$.message").isEqualTo("This API key is restricted by its scopes and may not call this endpoint");
    }

    @Test
    void keyOfAnotherProjectIsRefused() {
        Admin other = admin(web);
        MultipartBodyBuilder form = form(SyncType.FULL);
        form.part("file", file("{\"products\":[]}")).filename("products.json");
        web.post().uri("/upload_products_file?api_key=" + other.key()).contentType(MediaType.MULTIPART_FORM_DATA)
                .body(BodyInserters.fromMultipartData(form.build())).exchange()
                .expectStatus().isUnauthorized().expectBody().jsonPath("$.status").isEqualTo("fail");
    }

    private WebTestClient.ResponseSpec upload(SyncType syncType, ByteArrayResource file) {
        MultipartBodyBuilder form = form(syncType);
        form.part("file", file).filename("products.json").contentType(MediaType.APPLICATION_JSON);
        return send(form);
    }

    private MultipartBodyBuilder form(SyncType syncType) {
        MultipartBodyBuilder form = new MultipartBodyBuilder();
        form.part("kainic_pid", admin.tenant());
        form.part("store_id", STORE);
        form.part("sync_type", syncType.wireName());
        return form;
    }

    private WebTestClient.ResponseSpec send(MultipartBodyBuilder form) {
        return web.post().uri("/upload_products_file?api_key=" + admin.key()).contentType(MediaType.MULTIPART_FORM_DATA)
                .body(BodyInserters.fromMultipartData(form.build())).exchange();
    }

    private static ByteArrayResource file(String json) {
        return new ByteArrayResource(json.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return "products.json";
            }
        };
    }

    /** Publishes the balance feedback-service would fold, and waits until the catalog's read model has it. */
    private void giveCredit(String tenant, long amount) throws Exception {
        var topic = Topics.CREDIT_BALANCES;
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers());
        try (var producer = new KafkaProducer<>(config, topic.keySerde().serializer(), topic.valueSerde().serializer())) {
            producer.send(topic.record(new TenantId(tenant), new CreditBalance(amount, 0, Instant.now()))).get(30, TimeUnit.SECONDS);
        }
        await().atMost(Duration.ofSeconds(90)).until(() -> credit.balanceOf(new TenantId(tenant)).orElse(-1L) == amount);
    }
}
