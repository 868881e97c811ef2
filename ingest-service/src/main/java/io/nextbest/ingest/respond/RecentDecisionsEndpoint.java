package io.nextbest.ingest.respond;

import io.nextbest.ingest.readmodel.RecentRecommendation;
import io.nextbest.ingest.readmodel.RecommendationKey;
import io.nextbest.model.tenant.TenantKey;
import io.nextbest.support.query.InteractiveQuery;
import io.nextbest.support.query.InternalToken;
import io.nextbest.support.query.StoreNotReadyException;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The owner's side of a forwarded recent-recommendation query between ingest instances. It answers only
 * callers presenting the internal token (derived from the shared pepper), since it reads any
 * tenant's data; 404 when the customer has no such recent recommendation, 503 when this instance does not
 * (or no longer) own the key, which makes the caller retry.
 */
@RestController
class RecentDecisionsEndpoint {

    static final String PATH = "/internal/ingest/recent-decisions";

    private final InteractiveQuery<RecommendationKey, RecentRecommendation> query;
    private final InternalToken token;

    RecentDecisionsEndpoint(InteractiveQuery<RecommendationKey, RecentRecommendation> query, @Qualifier("ingestInternalToken") InternalToken token) {
        this.query = query;
        this.token = token;
    }

    @GetMapping(PATH)
    Mono<ResponseEntity<RecentRecommendation>> recentRecommendation(@RequestHeader(name = InternalToken.HEADER, required = false) String presented,
                                                                    @RequestParam("tenant") String tenant,
                                                                    @RequestParam("customer") String customer,
                                                                    @RequestParam("recommendation") String recommendation) {
        if (!token.matches(presented)) {
            return Mono.just(ResponseEntity.status(HttpStatus.FORBIDDEN).build());
        }
        return query.getLocal(new RecommendationKey(TenantKey.of(tenant, customer), recommendation))
                .map(found -> found.map(ResponseEntity::ok).orElseGet(() -> ResponseEntity.notFound().build()));
    }

    @ExceptionHandler
    ResponseEntity<Void> notHere(StoreNotReadyException e) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).build();
    }
}
