package io.nextbest.catalog.admin;

import io.nextbest.catalog.entities.InvalidEntity;
import io.nextbest.catalog.system.CatalogProperties;
import io.nextbest.model.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.BodyExtractors;
import org.springframework.web.reactive.function.server.ServerRequest;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.JsonNode;

/**
 * Reads admin API bodies: JSON only (415 otherwise), at most {@code nextbest.catalog.max-body-size}
 * (413), parsed into a tree or a record with per-field messages on failure (422).
 */
@Component
class AdminRequests {

    // Admin bodies may leave out primitive fields (priority, weight...): they take the Java default.
    private static final JsonMapper BODY_MAPPER = Json.mapper().rebuild()
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES).build();

    private final int maxBytes;

    AdminRequests(CatalogProperties properties) {
        this.maxBytes = (int) properties.maxBodySize().toBytes();
    }

    Mono<JsonNode> jsonBody(ServerRequest request) {
        MediaType type = request.headers().contentType().orElse(null);
        if (type == null || !(MediaType.APPLICATION_JSON.isCompatibleWith(type) || type.getSubtype().endsWith("+json"))) {
            return Mono.error(new AdminException(415, "UNSUPPORTED_MEDIA_TYPE", "the body must be application/json"));
        }
        if (request.headers().contentLength().orElse(0) > maxBytes) {
            return Mono.error(tooLarge());
        }
        return DataBufferUtils.join(request.body(BodyExtractors.toDataBuffers()), maxBytes)
                .onErrorMap(DataBufferLimitException.class, e -> tooLarge())
                .map(buffer -> {
                    try {
                        return buffer.toString(StandardCharsets.UTF_8);
                    } finally {
                        DataBufferUtils.release(buffer);
                    }
                })
                .switchIfEmpty(Mono.error(new InvalidEntity("the body is empty", Map.of("body", "is required"))))
                .map(AdminRequests::parse);
    }

    /** Converts a tree into its record, naming the field whose value has the wrong shape. */
    static <T> T convert(JsonNode tree, Class<T> type) {
        try {
            return BODY_MAPPER.treeToValue(tree, type);
        } catch (DatabindException e) {
            throw new InvalidEntity("the body is not a valid " + type.getSimpleName(), Map.of(fieldOf(e), "has an invalid value"));
        } catch (JacksonException | IllegalArgumentException e) {
            throw new InvalidEntity("the body is not a valid " + type.getSimpleName(), Map.of("body", "has an invalid value"));
        }
    }

    private static JsonNode parse(String body) {
        try {
            return Json.mapper().readTree(body);
        } catch (JacksonException e) {
            throw new InvalidEntity("the body is not valid JSON", Map.of("body", "is not valid JSON"));
        }
    }

    private static String fieldOf(DatabindException e) {
        String path = e.getPath().stream()
                .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
        return path.isEmpty() ? "body" : path;
    }

    private static AdminException tooLarge() {
        return new AdminException(413, "PAYLOAD_TOO_LARGE", "the body is too large");
    }
}
