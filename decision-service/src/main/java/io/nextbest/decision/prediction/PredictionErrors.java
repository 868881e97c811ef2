package io.nextbest.decision.prediction;

import io.nextbest.decision.system.DecisionProperties;
import io.nextbest.model.error.StatusEnvelope;
import io.nextbest.support.auth.RateLimitedException;
import io.nextbest.support.auth.ForbiddenException;
import io.nextbest.support.auth.UnauthorizedException;
import io.nextbest.support.http.BoundedBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ServerWebExchange;

/**
 * The predictions' one error mapping: every failure becomes {@code {"status":"fail","message":…}}
 * with the status documented in README "Predictions"; exception text of an unexpected failure is
 * logged, never sent.
 */
@RestControllerAdvice(assignableTypes = PredictionController.class)
class PredictionErrors {

    private static final Logger log = LoggerFactory.getLogger(PredictionErrors.class);

    private final PredictionMetrics metrics;
    private final DecisionProperties decision;

    PredictionErrors(PredictionMetrics metrics, DecisionProperties decision) {
        this.metrics = metrics;
        this.decision = decision;
    }

    @ExceptionHandler
    ResponseEntity<StatusEnvelope<Void>> rejected(PredictionRejection rejection, ServerWebExchange exchange) {
        metrics.rejected(endpoint(exchange), rejection.reason());
        return ResponseEntity.status(rejection.status()).body(StatusEnvelope.fail(rejection.getMessage()));
    }

    @ExceptionHandler
    ResponseEntity<StatusEnvelope<Void>> tooLarge(BoundedBody.BodyTooLargeException e, ServerWebExchange exchange) {
        return rejected(PredictionRejection.tooLarge(e.getMessage()), exchange);
    }

    @ExceptionHandler
    ResponseEntity<StatusEnvelope<Void>> forbidden(ForbiddenException e, ServerWebExchange exchange) {
        metrics.rejected(endpoint(exchange), "forbidden");
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(StatusEnvelope.fail(e.getMessage()));
    }

    @ExceptionHandler
    ResponseEntity<StatusEnvelope<Void>> unauthorized(UnauthorizedException e, ServerWebExchange exchange) {
        metrics.rejected(endpoint(exchange), "unauthorized");
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(StatusEnvelope.fail(e.getMessage()));
    }

    @ExceptionHandler
    ResponseEntity<StatusEnvelope<Void>> rateLimited(RateLimitedException e, ServerWebExchange exchange) {
        metrics.rejected(endpoint(exchange), "rate_limited");
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()))
                .header("X-RateLimit-Limit", Long.toString(e.limit()))
                .header("X-RateLimit-Remaining", "0")
                .body(StatusEnvelope.fail(e.getMessage()));
    }

    @ExceptionHandler
    ResponseEntity<StatusEnvelope<Void>> failed(PredictionFailure e, ServerWebExchange exchange) {
        if (e.unavailable()) {
            log.warn("prediction not served: {}", e.getCause().getMessage());
            metrics.rejected(endpoint(exchange), "unavailable");
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, decision.broker().retryAfter().toSeconds())))
                    .body(StatusEnvelope.fail(e.getMessage()));
        }
        log.error("prediction failed", e.getCause());
        metrics.rejected(endpoint(exchange), "internal_error");
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).body(StatusEnvelope.fail(e.getMessage()));
    }

    /** Before the body named a project nothing unexpected should fail; if it does, no project to name. */
    @ExceptionHandler
    ResponseEntity<StatusEnvelope<Void>> unexpected(Exception e, ServerWebExchange exchange) {
        log.error("prediction failed before its project was known", e);
        metrics.rejected(endpoint(exchange), "internal_error");
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).body(StatusEnvelope.fail("Prediction request failed: internal error"));
    }

    private static String endpoint(ServerWebExchange exchange) {
        return exchange.getRequest().getPath().value().endsWith("get_experiment_prediction")
                ? PredictionBody.Endpoint.EXPERIMENT.tag() : PredictionBody.Endpoint.MODEL.tag();
    }
}
