package io.nextbest.catalog.upload;

import io.nextbest.catalog.apikey.AdminCredentials;
import io.nextbest.catalog.credit.CreditBalances;
import io.nextbest.catalog.system.CatalogProperties;
import io.nextbest.model.error.StatusEnvelope;
import io.nextbest.model.json.Json;
import io.nextbest.model.tenant.TenantId;
import io.nextbest.support.auth.ForbiddenException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.MediaType;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.http.codec.multipart.FormFieldPart;
import org.springframework.http.codec.multipart.Part;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /upload_products_file?api_key=…}, multipart form: {@code kainic_pid},
 * {@code store_id}, {@code sync_type} ({@code full}|{@code stock}) and the JSON {@code file}.
 * Checks run in this order and nothing is written unless all pass: form fields (400), key (401),
 * file present (400), size (413), store exists (404), schema (422), credit (402, or 503 while
 * the balance read model is starting). Statuses per message are in README.
 */
@Component
class UploadHandler {

    private static final Set<String> UPLOAD_KEY_KINDS = Set.of("api", "admin");

    private final AdminCredentials credentials;
    private final ProductFileSchemas schemas;
    private final ProductUpload upload;
    private final CreditBalances credit;
    private final DatabaseClient db;
    private final CatalogProperties.Upload settings;

    UploadHandler(AdminCredentials credentials, ProductFileSchemas schemas, ProductUpload upload, CreditBalances credit,
            DatabaseClient db, CatalogProperties properties) {
        this.credentials = credentials;
        this.schemas = schemas;
        this.upload = upload;
        this.credit = credit;
        this.db = db;
        this.settings = properties.upload();
    }

    Mono<ServerResponse> upload(ServerRequest request) {
        boolean multipart = request.headers().contentType().map(MediaType.MULTIPART_FORM_DATA::isCompatibleWith).orElse(false);
        Mono<MultiValueMap<String, Part>> form = multipart ? request.multipartData() : Mono.error(new UploadFailure(400, UploadFailure.FIELDS_MISSING));
        return form.flatMap(parts -> handle(request, parts))
                .onErrorResume(DataBufferLimitException.class, e -> Mono.error(new UploadFailure(413, UploadFailure.TOO_LARGE)))
                .onErrorResume(UploadFailure.class, e -> respond(e.status(), StatusEnvelope.fail(e.getMessage())));
    }

    private Mono<ServerResponse> handle(ServerRequest request, MultiValueMap<String, Part> parts) {
        String projectId = field(parts, "kainic_pid");
        String storeId = field(parts, "store_id");
        SyncType syncType = SyncType.fromWire(field(parts, "sync_type")).orElse(null);
        if (projectId == null || storeId == null || syncType == null) {
            return Mono.error(new UploadFailure(400, UploadFailure.FIELDS_MISSING));
        }
        String apiKey = request.queryParam("api_key").orElse("");
        return credentials.tenantOfKey(apiKey, UPLOAD_KEY_KINDS)
                .filter(holder -> holder.tenant().value().equals(projectId))
                .switchIfEmpty(Mono.error(new UploadFailure(401, UploadFailure.INVALID_KEY)))
                .flatMap(AdminCredentials.KeyHolder::unlessRestricted)
                .onErrorMap(ForbiddenException.class, e -> new UploadFailure(403, e.getMessage()))
                .flatMap(tenant -> readFile(parts).flatMap(file -> requireStore(tenant, storeId).then(Mono.fromCallable(() -> parse(syncType, file))))
                        .flatMap(json -> charge(tenant, storeId, syncType, json)))
                .flatMap(result -> respond(200, StatusEnvelope.success(result)));
    }

    private Mono<Map<String, Object>> charge(TenantId tenant, String storeId, SyncType syncType, JsonNode file) {
        int products = ProductUpload.productCount(syncType, file);
        long cost = Math.max(1, (products + settings.productsPerCredit() - 1) / settings.productsPerCredit());
        long balance = credit.balanceOf(tenant).orElseThrow(() -> new UploadFailure(503, UploadFailure.CREDIT_UNAVAILABLE));
        if (balance < cost) {
            return Mono.error(new UploadFailure(402, UploadFailure.NO_CREDIT));
        }
        return upload.apply(tenant, storeId, syncType, file, cost);
    }

    private Mono<String> readFile(MultiValueMap<String, Part> parts) {
        if (!(parts.getFirst("file") instanceof FilePart file)) {
            return Mono.error(new UploadFailure(400, UploadFailure.NO_FILE));
        }
        return DataBufferUtils.join(file.content(), (int) settings.maxFileSize().toBytes())
                .map(buffer -> {
                    try {
                        return buffer.toString(StandardCharsets.UTF_8);
                    } finally {
                        DataBufferUtils.release(buffer);
                    }
                })
                .filter(content -> !content.isBlank())
                .switchIfEmpty(Mono.error(new UploadFailure(400, UploadFailure.NO_FILE)));
    }

    /** A store exists when one of the project's trackers is attached to it. */
    private Mono<Void> requireStore(TenantId tenant, String storeId) {
        return db.sql("SELECT 1 AS found FROM trackers WHERE tenant_id = :tenant AND store_id = :store LIMIT 1")
                .bind("tenant", tenant.value()).bind("store", storeId)
                .map((row, meta) -> 1).one()
                .switchIfEmpty(Mono.error(new UploadFailure(404, String.format(UploadFailure.STORE_MISSING, storeId))))
                .then();
    }

    private JsonNode parse(SyncType syncType, String file) {
        if (!schemas.isValid(syncType, file)) {
            throw new UploadFailure(422, UploadFailure.SCHEMA_INVALID);
        }
        return Json.mapper().readTree(file);
    }

    private static String field(MultiValueMap<String, Part> parts, String name) {
        return parts.getFirst(name) instanceof FormFieldPart field && !field.value().isBlank() ? field.value().trim() : null;
    }

    private static Mono<ServerResponse> respond(int status, StatusEnvelope<?> envelope) {
        return ServerResponse.status(status).contentType(MediaType.APPLICATION_JSON).bodyValue(Json.mapper().writeValueAsString(envelope));
    }
}
