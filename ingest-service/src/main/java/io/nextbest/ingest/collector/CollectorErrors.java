package io.nextbest.ingest.collector;

import io.nextbest.support.auth.RateLimitedException;
import io.nextbest.support.auth.ForbiddenException;
import io.nextbest.support.auth.UnauthorizedException;
import io.nextbest.support.http.BoundedBody;
import io.nextbest.support.publish.ServiceUnavailableException;
import io.nextbest.model.error.StatusEnvelope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The collector's one error mapping: every failure becomes the personalization API's
 * {@code {"status":"fail","message":…}} with the status documented in README; no stack trace or
 * exception text of an unexpected failure ever reaches the client.
 */
@RestControllerAdvice(assignableTypes = CollectorController.class)
class CollectorErrors {

    private static final Logger log = LoggerFactory.getLogger(CollectorErrors.class);

    private final CollectorMetrics metrics;

    CollectorErrors(CollectorMetrics metrics) {
        this.metrics = metrics;
    }

    @ExceptionHandler
    ResponseEntity<StatusEnvelope<Void>> rejected(CollectorRejection rejection) {
        metrics.rejected(rejection.reason(), rejection.events());
        return ResponseEntity.status(rejection.status()).body(StatusEnvelope.fail(rejection.getMessage()));
    }

    @ExceptionHandler
    ResponseEntity<StatusEnvelope<Void>> tooLarge(BoundedBody.BodyTooLargeException e) {
        return rejected(CollectorRejection.tooLarge(e.getMessage()));
    }

    @ExceptionHandler
    ResponseEntity<StatusEnvelope<Void>> forbidden(ForbiddenException e) {
        metrics.rejected("forbidden", 0);
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(StatusEnvelope.fail(e.getMessage()));
    }

    @ExceptionHandler
    ResponseEntity<StatusEnvelope<Void>> unauthorized(UnauthorizedException e) {
        metrics.rejected("unauthorized", 0);
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(StatusEnvelope.fail(e.getMessage()));
    }

    @ExceptionHandler
    ResponseEntity<StatusEnvelope<Void>> rateLimited(RateLimitedException e) {
        metrics.rejected("rate_limited", 0);
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()))
                .header("X-RateLimit-Limit", Long.toString(e.limit()))
                .header("X-RateLimit-Remaining", "0")
                .body(StatusEnvelope.fail(e.getMessage()));
    }

    @ExceptionHandler
    ResponseEntity<StatusEnvelope<Void>> unavailable(ServiceUnavailableException e) {
        log.warn("collector request not served: {}", e.getMessage(), e.getCause());
        metrics.rejected("unavailable", 0);
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, e.retryAfter().toSeconds())))
                .body(StatusEnvelope.fail("Service temporarily unavailable; please retry the same batch"));
    }

    @ExceptionHandler
    ResponseEntity<StatusEnvelope<Void>> unexpected(Exception e) {
        log.error("collector request failed", e);
        metrics.rejected("internal_error", 0);
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).body(StatusEnvelope.fail("Internal error; please retry the same batch"));
    }
}
