package io.nextbest.support.http;

import io.micrometer.core.instrument.MeterRegistry;
import io.nextbest.model.error.ApiError;
import io.nextbest.support.auth.RateLimitedException;
import io.nextbest.support.auth.ForbiddenException;
import io.nextbest.support.auth.UnauthorizedException;
import io.nextbest.support.publish.ServiceUnavailableException;
import io.nextbest.support.query.StoreNotReadyException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * The decisioning API's one error mapping, shared by its endpoints (respond in ingest, recommend
 * in decision): every failure becomes {@code {"error": "<message>", "code", "status"}} with the
 * status documented in README, rejections are counted by reason, and no exception text of an
 * unexpected failure reaches the client. Each endpoint subclasses it as a
 * {@code @RestControllerAdvice} limited to its controller.
 */
public abstract class DecisioningApiErrors {

    private final Logger log = LoggerFactory.getLogger(getClass());
    private final MeterRegistry meters;
    private final Settings settings;

    /**
     * @param rejectedMeter      counter of rejected requests, tagged {@code reason}
     * @param retryAfter         the {@code Retry-After} of a 503 whose cause names none
     * @param unavailableMessage the 503 message, telling the client how to retry
     * @param internalMessage    the 500 message
     */
    public record Settings(String endpoint, String rejectedMeter, Duration retryAfter,
                           String unavailableMessage, String internalMessage) {
    }

    protected DecisioningApiErrors(MeterRegistry meters, Settings settings) {
        this.meters = meters;
        this.settings = settings;
    }

    @ExceptionHandler
    public ResponseEntity<ApiError> rejected(ApiRejection e) {
        return error(e.status(), e.code(), e.getMessage(), e.code().toLowerCase());
    }

    @ExceptionHandler
    public ResponseEntity<ApiError> tooLarge(BoundedBody.BodyTooLargeException e) {
        return error(HttpStatus.CONTENT_TOO_LARGE, "PAYLOAD_TOO_LARGE", e.getMessage(), "too_large");
    }

    @ExceptionHandler
    public ResponseEntity<ApiError> forbidden(ForbiddenException e) {
        return error(HttpStatus.FORBIDDEN, "FORBIDDEN", e.getMessage(), "forbidden");
    }

    @ExceptionHandler
    public ResponseEntity<ApiError> unauthorized(UnauthorizedException e) {
        return error(HttpStatus.UNAUTHORIZED, "UNAUTHORIZED", e.getMessage(), "unauthorized");
    }

    @ExceptionHandler
    public ResponseEntity<ApiError> rateLimited(RateLimitedException e) {
        count("rate_limited");
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()))
                .header("X-RateLimit-Limit", Long.toString(e.limit()))
                .header("X-RateLimit-Remaining", "0")
                .body(ApiError.of(429, "RATE_LIMITED", e.getMessage()));
    }

    @ExceptionHandler({ServiceUnavailableException.class, StoreNotReadyException.class})
    public ResponseEntity<ApiError> unavailable(RuntimeException e) {
        log.warn("{} request not served: {}", settings.endpoint(), e.getMessage(), e.getCause());
        count("unavailable");
        Duration wait = e instanceof ServiceUnavailableException s ? s.retryAfter() : settings.retryAfter();
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, wait.toSeconds())))
                .body(ApiError.of(503, "UNAVAILABLE", settings.unavailableMessage()));
    }

    @ExceptionHandler
    public ResponseEntity<ApiError> unexpected(Exception e) {
        log.error("{} request failed", settings.endpoint(), e);
        return error(HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL_ERROR", settings.internalMessage(), "internal_error");
    }

    private ResponseEntity<ApiError> error(HttpStatus status, String code, String message, String reason) {
        count(reason);
        return ResponseEntity.status(status).body(ApiError.of(status.value(), code, message));
    }

    private void count(String reason) {
        meters.counter(settings.rejectedMeter(), "reason", reason).increment();
    }
}
