package io.nextbest.model.event;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.nextbest.model.tenant.TenantId;
import java.time.Instant;
import java.util.Arrays;
import tools.jackson.databind.jsontype.NamedType;

/**
 * One movement of a project's billing credit on {@code credit-ledger}. feedback-service folds the
 * entries into one balance per project; {@code entryId} is unique per movement so a retried write
 * is counted once. Amounts are whole credit units.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
public sealed interface CreditLedgerEntry permits CreditLedgerEntry.TopUp, CreditLedgerEntry.Charge {

    String entryId();

    TenantId projectId();

    long amount();

    Instant timestamp();

    /** Credit added by an operator through the admin API. */
    record TopUp(String entryId, TenantId projectId, long amount, String reference, Instant timestamp)
            implements CreditLedgerEntry {
        public TopUp {
            validate(entryId, projectId, amount);
        }
    }

    /** Credit spent: collected events, a product upload, a prediction. */
    record Charge(String entryId, TenantId projectId, long amount, ChargeReason reason, Instant timestamp)
            implements CreditLedgerEntry {
        public Charge {
            validate(entryId, projectId, amount);
        }
    }

    /** What a charge paid for. */
    enum ChargeReason {
        COLLECTED_EVENTS, PRODUCT_UPLOAD, PREDICTION
    }

    /** The wire discriminator: the single place naming each subtype and its {@code type} value. */
    enum Type {
        TOP_UP("top_up", TopUp.class),
        CHARGE("charge", Charge.class);

        private final String wireName;
        private final Class<? extends CreditLedgerEntry> recordClass;

        Type(String wireName, Class<? extends CreditLedgerEntry> recordClass) {
            this.wireName = wireName;
            this.recordClass = recordClass;
        }

        public String wireName() {
            return wireName;
        }

        public Class<? extends CreditLedgerEntry> recordClass() {
            return recordClass;
        }

        public static NamedType[] namedTypes() {
            return Arrays.stream(values()).map(t -> new NamedType(t.recordClass, t.wireName)).toArray(NamedType[]::new);
        }
    }

    private static void validate(String entryId, TenantId projectId, long amount) {
        if (entryId == null || entryId.isBlank() || projectId == null) {
            throw new IllegalArgumentException("entryId and projectId are required");
        }
        if (amount <= 0) {
            throw new IllegalArgumentException("amount must be positive, was " + amount);
        }
    }
}
