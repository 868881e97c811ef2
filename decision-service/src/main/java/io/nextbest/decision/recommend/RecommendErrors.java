package io.nextbest.decision.recommend;

import io.micrometer.core.instrument.MeterRegistry;
import io.nextbest.decision.system.DecisionProperties;
import io.nextbest.model.error.ApiError;
import io.nextbest.support.auth.RateLimitedException;
import io.nextbest.support.auth.UnauthorizedException;
import io.nextbest.support.http.BoundedBody;
import io.nextbest.support.publish.ServiceUnavailableException;
import io.nextbest.support.query.StoreNotReadyException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Recommend's one error mapping: every failure becomes the decisioning API's
 * {@code {"error": "<message>", "code", "status"}} with the status documented in README, and no
 * exception text of an unexpected failure reaches the client.
 */
@RestControllerAdvice(assignableTypes = RecommendController.class)
class RecommendErrors {

    private static final Logger log = LoggerFactory.getLogger(RecommendErrors.class);

    private final MeterRegistry meters;
    private final Duration retryAfter;

    RecommendErrors(MeterRegistry meters, DecisionProperties settings) {
        this.meters = meters;
        this.retryAfter = settings.broker().retryAfter();
    }

    @ExceptionHandler
    ResponseEntity<ApiError> rejected(RecommendRejection e) {
        return error(e.status(), e.code(), e.getMessage(), e.code().toLowerCase());
    }

    @ExceptionHandler
    ResponseEntity<ApiError> tooLarge(BoundedBody.BodyTooLargeException e) {
        return error(HttpStatus.CONTENT_TOO_LARGE, "PAYLOAD_TOO_LARGE", e.getMessage(), "too_large");
    }

    @ExceptionHandler
    ResponseEntity<ApiError> unauthorized(UnauthorizedException e) {
        return error(HttpStatus.UNAUTHORIZED, "UNAUTHORIZED", e.getMessage(), "unauthorized");
    }

    @ExceptionHandler
    ResponseEntity<ApiError> rateLimited(RateLimitedException e) {
        count("rate_limited");
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()))
                .header("X-RateLimit-Limit", Long.toString(e.limit()))
                .header("X-RateLimit-Remaining", "0")
                .body(ApiError.of(429, "RATE_LIMITED", e.getMessage()));
    }

    @ExceptionHandler({ServiceUnavailableException.class, StoreNotReadyException.class})
    ResponseEntity<ApiError> unavailable(RuntimeException e) {
        log.warn("recommend request not served: {}", e.getMessage(), e.getCause());
        count("unavailable");
        Duration wait = e instanceof ServiceUnavailableException s ? s.retryAfter() : retryAfter;
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, wait.toSeconds())))
                .body(ApiError.of(503, "UNAVAILABLE", "Service temporarily unavailable; retry later"));
    }

    @ExceptionHandler
    ResponseEntity<ApiError> unexpected(Exception e) {
        log.error("recommend request failed", e);
        return error(HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL_ERROR", "Internal error", "internal_error");
    }

    private ResponseEntity<ApiError> error(HttpStatus status, String code, String message, String reason) {
        count(reason);
        return ResponseEntity.status(status).body(ApiError.of(status.value(), code, message));
    }

    private void count(String reason) {
        meters.counter("nextbest.decision.recommend.rejected", "reason", reason).increment();
    }
}
