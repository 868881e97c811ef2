package io.nextbest.decision.readmodel;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.nextbest.model.stats.ContactHistory;
import io.nextbest.model.tenant.TenantKey;
import io.nextbest.support.query.InteractiveQuery;
import io.nextbest.support.query.StoreNotReadyException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
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
 * The owner's side of a forwarded customer-contacts lookup between decision instances. It answers
 * only callers presenting the {@link InternalToken}, since it reads any tenant's data; 404 when the
 * customer has no contacts, 503 when this instance does not (or no longer) own the key, which makes
 * the caller retry. Keep {@code /internal/**} off the public ingress.
 */
@RestController
class CustomerContactsEndpoint {

    static final String PATH = "/internal/decision/customer-contacts";

    private final InteractiveQuery<TenantKey, ContactHistory> query;
    private final InternalToken token;
    private final Counter served;

    CustomerContactsEndpoint(@Qualifier("decisionCustomerContactsQuery") InteractiveQuery<TenantKey, ContactHistory> query,
                             InternalToken token, MeterRegistry meters) {
        this.query = query;
        this.token = token;
        this.served = Counter.builder("nextbest.decision.customer-contacts.forwarded")
                .description("Customer-contacts lookups this instance answered for another instance")
                .register(meters);
    }

    /** The forward path of {@code key}, encoded, as {@link InteractiveQuery} calls it on the owner. */
    static String forwardPath(TenantKey key) {
        return PATH + "?tenant=" + encode(key.tenant().value()) + "&customer=" + encode(key.id());
    }

    @GetMapping(PATH)
    Mono<ResponseEntity<ContactHistory>> customerContacts(@RequestHeader(name = InternalToken.HEADER, required = false) String presented,
                                                          @RequestParam("tenant") String tenant,
                                                          @RequestParam("customer") String customer) {
        if (!token.matches(presented)) {
            return Mono.just(ResponseEntity.status(HttpStatus.FORBIDDEN).build());
        }
        return query.getLocal(TenantKey.of(tenant, customer))
                .doOnNext(found -> served.increment())
                .map(found -> found.map(ResponseEntity::ok).orElseGet(() -> ResponseEntity.notFound().build()));
    }

    @ExceptionHandler
    ResponseEntity<Void> notHere(StoreNotReadyException e) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).build();
    }

    @ExceptionHandler
    ResponseEntity<Void> badKey(IllegalArgumentException e) {
        return ResponseEntity.status(HttpStatus.BAD_REQUEST).build();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
