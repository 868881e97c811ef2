package io.nextbest.catalog.admin;

import io.nextbest.catalog.entities.EntityConflict;
import io.nextbest.catalog.entities.EntityNotFound;
import io.nextbest.catalog.entities.InvalidEntity;
import io.nextbest.model.error.ApiError;
import io.nextbest.model.json.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/** The one mapping from admin API failures to {@code ApiError} bodies; never a stack trace. */
final class AdminErrors {

    private static final Logger log = LoggerFactory.getLogger(AdminErrors.class);

    private AdminErrors() {
    }

    static Mono<ServerResponse> toResponse(Throwable failure) {
        ApiError error;
        if (failure instanceof AdminException e) {
            error = ApiError.of(e.status(), e.code(), e.getMessage());
        } else if (failure instanceof InvalidEntity e) {
            error = ApiError.invalid(e.getMessage(), e.fields());
        } else if (failure instanceof EntityNotFound e) {
            error = ApiError.of(404, "NOT_FOUND", e.getMessage());
        } else if (failure instanceof EntityConflict e) {
            error = ApiError.of(409, "CONFLICT", e.getMessage());
        } else {
            log.error("admin API request failed", failure);
            error = ApiError.of(500, "INTERNAL_ERROR", "internal error");
        }
        return respond(error);
    }

    static Mono<ServerResponse> respond(ApiError error) {
        return ServerResponse.status(error.status()).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Json.mapper().writeValueAsString(error));
    }
}
