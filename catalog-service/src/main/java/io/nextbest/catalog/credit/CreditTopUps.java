package io.nextbest.catalog.credit;

import io.nextbest.catalog.entities.EntityStore;
import io.nextbest.catalog.outbox.Outbox;
import io.nextbest.model.event.CreditLedgerEntry;
import io.nextbest.model.json.Json;
import io.nextbest.model.tenant.TenantId;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Credit top-ups through the outbox to {@code credit-ledger}. The entry id is fixed when the row
 * is written, so a relay that publishes the row again publishes the same entry and the balance
 * fold counts it once.
 */
@Component
public class CreditTopUps {

    private final Outbox outbox;
    private final EntityStore store;

    CreditTopUps(Outbox outbox, EntityStore store) {
        this.outbox = outbox;
        this.store = store;
    }

    public Mono<CreditLedgerEntry.TopUp> topUp(TenantId project, long amount, String reference) {
        var entry = new CreditLedgerEntry.TopUp("topup-" + UUID.randomUUID(), project, amount, reference,
                Instant.now().truncatedTo(ChronoUnit.MILLIS));
        return store.inTransaction(outbox.append(Outbox.CREDIT_LEDGER, project, entry.entryId(),
                Json.mapper().writerFor(CreditLedgerEntry.class).writeValueAsString(entry))).thenReturn(entry);
    }

    /** A charge in the caller's transaction (product uploads pay this way). */
    public Mono<CreditLedgerEntry.Charge> charge(TenantId project, long amount, CreditLedgerEntry.ChargeReason reason) {
        var entry = new CreditLedgerEntry.Charge("charge-" + UUID.randomUUID(), project, amount, reason,
                Instant.now().truncatedTo(ChronoUnit.MILLIS));
        return outbox.append(Outbox.CREDIT_LEDGER, project, entry.entryId(),
                Json.mapper().writerFor(CreditLedgerEntry.class).writeValueAsString(entry)).thenReturn(entry);
    }
}
