package io.nextbest.decision.recommend;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.nextbest.decision.system.DecisionProperties;
import io.nextbest.model.topic.Topics;
import io.nextbest.support.auth.ApiKeyAuthenticator;
import io.nextbest.support.auth.AuthenticatedKey;
import io.nextbest.support.auth.RateLimits;
import io.nextbest.support.http.BoundedBody;
import io.nextbest.support.publish.DurablePublisher;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The decisioning API's {@code POST /api/v1/recommend}: authenticates the key of the tenant in
 * {@code X-Tenant-Id} ({@code X-API-Key} or {@code Authorization: Bearer}), decides from the
 * local read models and answers 200 only once the broker acknowledged the recommendation's
 * {@code DecisionRecord} and its implicit impressions, so feedback can always join what the
 * client was shown (and the per-candidate trace, when this recommendation is sampled for one).
 * {@code X-Requested-With} is accepted and not required.
 */
@RestController
class RecommendController {

    private final ApiKeyAuthenticator authenticator;
    private final RateLimits rateLimits;
    private final Recommender recommender;
    private final DurablePublisher publisher;
    private final DecisionProperties settings;
    private final MeterRegistry meters;
    private final Timer latency;

    RecommendController(@Qualifier("decisionApiKeyAuthenticator") ApiKeyAuthenticator authenticator,
                        @Qualifier("decisionRateLimits") RateLimits rateLimits, Recommender recommender,
                        @Qualifier("decisionPublisher") DurablePublisher publisher, DecisionProperties settings, MeterRegistry meters) {
        this.authenticator = authenticator;
        this.rateLimits = rateLimits;
        this.recommender = recommender;
        this.publisher = publisher;
        this.settings = settings;
        this.meters = meters;
        this.latency = Timer.builder("nextbest.decision.recommend.latency")
                .description("Time to answer a recommend call, from authentication to the broker's acknowledgement")
                .publishPercentileHistogram()
                .register(meters);
    }

    @PostMapping("/api/v1/recommend")
    Mono<ResponseEntity<RecommendResponse>> recommend(ServerHttpRequest request) {
        Timer.Sample sample = Timer.start(meters);
        AuthenticatedKey key = authenticator.authenticate(request.getHeaders());
        RateLimits.Remaining budget = rateLimits.consume(key);
        return BoundedBody.read(request, settings.limits().maxBodyBytes())
                .map(RecommendBody::decode)
                .flatMap(decoded -> recommender.recommend(key.tenant(), decoded, fallbackSeed(request)))
                .flatMap(recommendation -> publisher.publishAll(writes(recommendation)).thenReturn(recommendation))
                .map(recommendation -> {
                    meters.counter("nextbest.decision.decisions", "variant", recommendation.variant()).increment();
                    return ResponseEntity.ok()
                            .header("X-RateLimit-Limit", Long.toString(budget.limit()))
                            .header("X-RateLimit-Remaining", Long.toString(budget.remaining()))
                            .body(recommendation.response());
                })
                .doFinally(signal -> sample.stop(latency));
    }

    private static List<DurablePublisher.Write<?, ?>> writes(Recommender.Recommendation recommendation) {
        List<DurablePublisher.Write<?, ?>> writes = new ArrayList<>();
        recommendation.records().forEach(r -> writes.add(new DurablePublisher.Write<>(Topics.DECISIONS, r.key(), r)));
        recommendation.impressions().forEach(o -> writes.add(new DurablePublisher.Write<>(Topics.OUTCOMES, o.key(), o)));
        recommendation.traces().forEach(t -> writes.add(new DurablePublisher.Write<>(Topics.DECISION_TRACES, t.key(), t)));
        return writes;
    }

    /** What an anonymous caller without a session is told apart by: address and user agent. */
    private static String fallbackSeed(ServerHttpRequest request) {
        String address = request.getRemoteAddress() == null ? "" : request.getRemoteAddress().getAddress().getHostAddress();
        return address + '|' + String.valueOf(request.getHeaders().getFirst(HttpHeaders.USER_AGENT));
    }
}
