package io.nextbest.ingest.respond;

import io.micrometer.core.instrument.MeterRegistry;
import io.nextbest.support.auth.ApiKeyAuthenticator;
import io.nextbest.support.auth.AuthenticatedKey;
import io.nextbest.support.auth.RateLimits;
import io.nextbest.support.http.BoundedBody;
import io.nextbest.support.http.RequestHeaders;
import io.nextbest.support.publish.DurablePublisher;
import io.nextbest.ingest.system.IngestProperties;
import io.nextbest.model.event.Outcome;
import io.nextbest.model.topic.Topics;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The decisioning API's {@code POST /api/v1/respond}: authenticates the key of the tenant in
 * {@code X-Tenant-Id}, resolves the outcome and answers 201 once the broker acknowledged the
 * {@link Outcome} record. Stateless: a repeated idempotency key gets 201 with the same
 * {@code interactionId} again, and feedback-service drops the repeated record by that id.
 */
@RestController
class RespondController {

    private final ApiKeyAuthenticator authenticator;
    private final RateLimits rateLimits;
    private final OutcomeResolver resolver;
    private final DurablePublisher publisher;
    private final IngestProperties settings;
    private final MeterRegistry meters;

    RespondController(@Qualifier("ingestApiKeyAuthenticator") ApiKeyAuthenticator authenticator,
                      @Qualifier("ingestRateLimits") RateLimits rateLimits, OutcomeResolver resolver,
                      @Qualifier("ingestPublisher") DurablePublisher publisher, IngestProperties settings, MeterRegistry meters) {
        this.authenticator = authenticator;
        this.rateLimits = rateLimits;
        this.resolver = resolver;
        this.publisher = publisher;
        this.settings = settings;
        this.meters = meters;
    }

    /** The 201 body, as the seed shows it. */
    record Recorded(UUID interactionId, String customerId, String outcome, String classification, String offerName, String status) {
    }

    @PostMapping("/api/v1/respond")
    Mono<ResponseEntity<Recorded>> respond(ServerHttpRequest request) {
        AuthenticatedKey key = authenticator.authenticate(request.getHeaders());
        String idempotencyKey = RequestHeaders.value(request.getHeaders(), "Idempotency-Key");
        RateLimits.Remaining budget = rateLimits.consume(key);
        return BoundedBody.read(request, settings.limits().maxBodyBytes())
                .map(body -> RespondRequest.decode(body, idempotencyKey, settings.limits().maxStringLength()))
                .flatMap(decoded -> resolver.resolve(key.tenant(), decoded))
                .flatMap(outcome -> publisher.publishAll(List.of(new DurablePublisher.Write<>(Topics.OUTCOMES, outcome.key(), outcome)))
                        .thenReturn(outcome))
                .map(outcome -> {
                    meters.counter("nextbest.ingest.outcomes.recorded", "outcome", outcome.outcome(),
                            "classification", outcome.classification().wireName()).increment();
                    return ResponseEntity.status(HttpStatus.CREATED)
                            .header("X-RateLimit-Limit", Long.toString(budget.limit()))
                            .header("X-RateLimit-Remaining", Long.toString(budget.remaining()))
                            .body(new Recorded(outcome.interactionId(), outcome.customerId(), outcome.outcome(),
                                    outcome.classification().wireName(), outcome.offerName(), "recorded"));
                });
    }
}
