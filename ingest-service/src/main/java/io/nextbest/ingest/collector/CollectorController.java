package io.nextbest.ingest.collector;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.nextbest.support.auth.ApiKeyAuthenticator;
import io.nextbest.support.auth.AuthenticatedKey;
import io.nextbest.support.auth.RateLimits;
import io.nextbest.ingest.readmodel.IngestReadModels;
import io.nextbest.support.http.BoundedBody;
import io.nextbest.support.publish.DurablePublisher;
import io.nextbest.support.publish.DurablePublisher.Write;
import io.nextbest.ingest.system.IngestProperties;
import io.nextbest.model.catalog.entity.Tracker;
import io.nextbest.model.error.StatusEnvelope;
import io.nextbest.model.event.CreditLedgerEntry;
import io.nextbest.model.event.Platform;
import io.nextbest.model.event.TrackerEvent;
import io.nextbest.model.tenant.TenantId;
import io.nextbest.model.topic.Topics;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The personalization API's custom collector: authenticates the key, checks tracker, body, domain
 * and credit, then writes every event and the batch's credit charge and answers once the broker
 * acknowledged all of them. One verdict per request: a batch is accepted or refused as a whole.
 */
@RestController
class CollectorController {

    private final ApiKeyAuthenticator authenticator;
    private final RateLimits rateLimits;
    private final IngestReadModels readModels;
    private final DurablePublisher publisher;
    private final IngestProperties settings;
    private final EventBatchParser parser;
    private final CollectorMetrics metrics;
    private final Clock clock;

    CollectorController(@Qualifier("ingestApiKeyAuthenticator") ApiKeyAuthenticator authenticator,
                        @Qualifier("ingestRateLimits") RateLimits rateLimits, IngestReadModels readModels,
                        @Qualifier("ingestPublisher") DurablePublisher publisher, IngestProperties settings, CollectorMetrics metrics) {
        this.authenticator = authenticator;
        this.rateLimits = rateLimits;
        this.readModels = readModels;
        this.publisher = publisher;
        this.settings = settings;
        this.parser = new EventBatchParser(settings.limits());
        this.metrics = metrics;
        this.clock = Clock.systemUTC();
    }

    /** What a successful collect returns inside {@code data}. */
    record Accepted(long accepted, @JsonProperty("event_ids") List<String> eventIds) {
    }

    @PostMapping("/collector/collect/custom/{kainic_pid}/{kainic_tid}")
    Mono<ResponseEntity<StatusEnvelope<Accepted>>> collect(@PathVariable("kainic_pid") String projectId,
                                                           @PathVariable("kainic_tid") String trackerId,
                                                           @RequestParam(name = "api_key", required = false) String apiKey,
                                                           ServerHttpRequest request) {
        AuthenticatedKey key = authenticator.authenticate(projectId, apiKey);
        RateLimits.Remaining budget = rateLimits.consume(key);
        Tracker tracker = readModels.tracker(key.tenant(), trackerId).orElseThrow(CollectorRejection::unknownTracker);
        if (tracker.storeId() == null || tracker.storeId().isBlank()) {
            throw CollectorRejection.noStore();
        }
        Instant receivedAt = clock.instant();
        var origin = new EventBatchParser.Origin(key.tenant(), tracker.id(), tracker.storeId(), receivedAt);
        return BoundedBody.read(request, settings.limits().maxBodyBytes())
                .map(body -> parser.parse(body, origin))
                .flatMap(events -> accept(events, tracker, request.getHeaders(), key.tenant(), receivedAt))
                .map(accepted -> ResponseEntity.ok()
                        .header("X-RateLimit-Limit", Long.toString(budget.limit()))
                        .header("X-RateLimit-Remaining", Long.toString(budget.remaining()))
                        .body(StatusEnvelope.success(accepted)));
    }

    private Mono<Accepted> accept(List<TrackerEvent> events, Tracker tracker, HttpHeaders headers, TenantId project, Instant receivedAt) {
        metrics.batchReceived(events.size());
        boolean hasWebEvents = events.stream().anyMatch(e -> e.platform() == Platform.WEB);
        if (hasWebEvents && !AllowedDomains.allows(tracker.allowedDomains(), headers.getOrigin(), headers.getFirst(HttpHeaders.REFERER))) {
            throw CollectorRejection.domainNotSupported().forEvents(events.size());
        }
        long charge = events.size() * settings.credit().unitsPerEvent();
        if (readModels.creditBalance(project).balance() < charge) {
            throw CollectorRejection.noCredit().forEvents(events.size());
        }
        List<String> eventIds = events.stream().map(TrackerEvent::eventId).toList();
        List<Write<?, ?>> writes = new ArrayList<>(events.size() + 1);
        events.forEach(event -> writes.add(new Write<>(Topics.TRACKER_EVENTS, event.key(), event)));
        if (charge > 0) {
            writes.add(new Write<>(Topics.CREDIT_LEDGER, project, new CreditLedgerEntry.Charge(
                    EventIds.charge(project, eventIds), project, charge, CreditLedgerEntry.ChargeReason.COLLECTED_EVENTS, receivedAt)));
        }
        return publisher.publishAll(writes)
                .then(Mono.fromSupplier(() -> {
                    metrics.accepted(events.size());
                    return new Accepted(events.size(), eventIds);
                }));
    }
}
