package io.nextbest.decision.readmodel;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.nextbest.model.tenant.TenantKey;
import io.nextbest.support.query.InternalToken;
import io.nextbest.support.query.StoreNotReadyException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The owner's side of a forwarded lookup between decision instances, one route for every
 * {@link PartitionedReadModel}: {@code GET /internal/decision/{customer-contacts|user-recent-items}?tenant=…&id=…}.
 * It answers only callers presenting the {@link InternalToken}, since it reads any tenant's data;
 * 404 when the key has no value, 400 for an unknown read model or a malformed tenant, 503 when this
 * instance does not (or no longer) own the key, which makes the caller retry. Each read model
 * counts the lookups it served in {@code nextbest.decision.<name>.forwarded}. Keep
 * {@code /internal/**} off the public ingress.
 */
@RestController
class ForwardedLookupEndpoint {

    private final PartitionedLookups lookups;
    private final InternalToken token;
    private final Map<String, Counter> served = new HashMap<>();

    ForwardedLookupEndpoint(PartitionedLookups lookups, @Qualifier("decisionInternalToken") InternalToken token, MeterRegistry meters) {
        this.lookups = lookups;
        this.token = token;
        PartitionedReadModel.ALL.forEach(model -> served.put(model.name(),
                Counter.builder("nextbest.decision." + model.name() + ".forwarded")
                        .description("Lookups of " + model.name() + " this instance answered for another instance")
                        .register(meters)));
    }

    @GetMapping(PartitionedReadModel.PATH_PREFIX + "{readModel}")
    Mono<ResponseEntity<Object>> lookup(@RequestHeader(name = InternalToken.HEADER, required = false) String presented,
                                        @PathVariable("readModel") String readModel,
                                        @RequestParam("tenant") String tenant, @RequestParam("id") String id) {
        if (!token.matches(presented)) {
            return Mono.just(ResponseEntity.status(HttpStatus.FORBIDDEN).build());
        }
        Optional<PartitionedReadModel<?>> model = PartitionedReadModel.named(readModel);
        if (model.isEmpty()) {
            return Mono.just(ResponseEntity.badRequest().build());
        }
        Counter counter = served.get(readModel);
        return lookups.getLocal(model.get(), TenantKey.of(tenant, id))
                .doOnNext(found -> counter.increment())
                .map(found -> found.<ResponseEntity<Object>>map(ResponseEntity::ok).orElseGet(() -> ResponseEntity.notFound().build()));
    }

    @ExceptionHandler
    ResponseEntity<Void> notHere(StoreNotReadyException e) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).build();
    }

    @ExceptionHandler
    ResponseEntity<Void> badKey(IllegalArgumentException e) {
        return ResponseEntity.status(HttpStatus.BAD_REQUEST).build();
    }
}
