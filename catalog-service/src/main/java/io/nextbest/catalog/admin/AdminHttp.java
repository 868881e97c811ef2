package io.nextbest.catalog.admin;

import io.nextbest.model.json.Json;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/** Admin API responses, written with the platform's JSON mapping so they equal the topic payloads. */
final class AdminHttp {

    private AdminHttp() {
    }

    static Mono<ServerResponse> ok(Object body) {
        return status(HttpStatus.OK, body);
    }

    static Mono<ServerResponse> status(HttpStatus status, Object body) {
        return ServerResponse.status(status).contentType(MediaType.APPLICATION_JSON).bodyValue(Json.mapper().writeValueAsString(body));
    }
}
