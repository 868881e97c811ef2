package io.nextbest.model.event;

import java.time.Instant;

/**
 * A project's billing credit as folded from {@code credit-ledger}: what was topped up, what was
 * charged, and the difference. Published per project on the compacted {@code credit-balances}
 * topic, where ingest and catalog read it before accepting paid work.
 */
public record CreditBalance(long toppedUp, long charged, Instant updatedAt) {

    public static final CreditBalance EMPTY = new CreditBalance(0, 0, null);

    public long balance() {
        return toppedUp - charged;
    }

    public CreditBalance apply(CreditLedgerEntry entry) {
        if (entry instanceof CreditLedgerEntry.TopUp) {
            return new CreditBalance(toppedUp + entry.amount(), charged, entry.timestamp());
        }
        return new CreditBalance(toppedUp, charged + entry.amount(), entry.timestamp());
    }
}
