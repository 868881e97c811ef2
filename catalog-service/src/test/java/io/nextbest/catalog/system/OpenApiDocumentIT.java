package io.nextbest.catalog.system;

import static io.nextbest.catalog.admin.AdminFixturesAccess.admin;
import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.model.Request;
import io.nextbest.catalog.CatalogIntegrationTest;
import io.nextbest.catalog.admin.AdminFixturesAccess.Admin;
import io.nextbest.testsupport.OpenApiContract;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

/** catalog-service publishes its OpenAPI document, and its real answers are the documented ones. */
@CatalogIntegrationTest
class OpenApiDocumentIT {

    private static final OpenApiContract CONTRACT = OpenApiContract.load("static/openapi/catalog.yaml");

    @Autowired
    WebTestClient web;

    Admin admin;

    @BeforeEach
    void tenantWithAdminKey() {
        admin = admin(web);
    }

    @Test
    void theDocumentIsServedAndWellFormed() {
        assertThat(CONTRACT.problems()).isEmpty();
        String served = web.get().uri("/openapi/catalog.yaml").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(served).isEqualTo(CONTRACT.text());
        assertThat(CONTRACT.operations()).extracting(OpenApiContract.DocumentedOperation::path)
                .contains("/upload_products_file", "/admin/v1/{entity}", "/admin/v1/{entity}/{id}");
    }

    @Test
    void adminAnswersAreTheDocumentedOnes() {
        assertDocumented("/admin/v1/categories", Request.Method.POST,
                admin.post("/admin/v1/categories", Map.of("id", "retention", "name", "Retention")).exchange()
                        .expectStatus().isCreated().expectBody(String.class).returnResult());
        assertDocumented("/admin/v1/categories", Request.Method.GET,
                admin.get("/admin/v1/categories?limit=1").exchange().expectStatus().isOk().expectBody(String.class).returnResult());
        assertDocumented("/admin/v1/categories/nope", Request.Method.GET,
                admin.get("/admin/v1/categories/nope").exchange().expectStatus().isNotFound().expectBody(String.class).returnResult());
        assertDocumented("/admin/v1/categories", Request.Method.GET,
                web.get().uri("/admin/v1/categories").header("X-Tenant-Id", admin.tenant()).exchange()
                        .expectStatus().isUnauthorized().expectBody(String.class).returnResult());
    }

    @Test
    void refusedUploadsAreAnsweredAsDocumented() {
        MultipartBodyBuilder withoutFile = new MultipartBodyBuilder();
        withoutFile.part("kainic_pid", admin.tenant());
        withoutFile.part("store_id", "store-1");
        withoutFile.part("sync_type", "full");
        assertDocumented("/upload_products_file", Request.Method.POST,
                web.post().uri("/upload_products_file?api_key=" + admin.key()).contentType(MediaType.MULTIPART_FORM_DATA)
                        .body(BodyInserters.fromMultipartData(withoutFile.build())).exchange()
                        .expectStatus().isBadRequest().expectBody(String.class).returnResult());
    }

    private static void assertDocumented(String path, Request.Method method, EntityExchangeResult<String> answer) {
        CONTRACT.assertDocumentedResponse(path, method, answer.getStatus().value(), answer.getResponseBody());
    }
}
