package io.nextbest.model.json;

import io.nextbest.model.catalog.CatalogChange;
import io.nextbest.model.catalog.CatalogEntity;
import io.nextbest.model.event.Classification;
import io.nextbest.model.event.CreditLedgerEntry;
import io.nextbest.model.event.DecisionRecord;
import io.nextbest.model.event.DecisionTrace;
import io.nextbest.model.event.Direction;
import io.nextbest.model.event.EventItem;
import io.nextbest.model.event.ExperimentAssignment;
import io.nextbest.model.event.Funnel;
import io.nextbest.model.event.Outcome;
import io.nextbest.model.event.OutcomeCategory;
import io.nextbest.model.event.Platform;
import io.nextbest.model.event.RankedOffer;
import io.nextbest.model.event.ScoredCandidate;
import io.nextbest.model.event.TrackerEvent;
import io.nextbest.model.event.TrackerEventType;
import io.nextbest.model.tenant.TenantId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Fully populated sample records, one per type that crosses a topic. */
final class Samples {

    static final TenantId COFFEE = new TenantId("coffee-demo");
    static final Instant AT = Instant.parse("2026-11-23T10:15:30.123Z");

    private Samples() {
    }

    static TrackerEvent addToCart() {
        return new TrackerEvent("evt-1", COFFEE, "trk-web", "store-1", Platform.WEB, "anon-42", "user-7", "sess-9",
                TrackerEventType.ADD_TO_CART,
                List.of(new EventItem("sku-1-m", "sku-1", 2, new BigDecimal("4.50"))),
                AT, AT.plusMillis(20), "https://shop.example/p/1", "https://google.com", null, "USD",
                Map.of("campaign", "winter"));
    }

    static Outcome click() {
        return new Outcome(UUID.fromString("2ed6657d-e927-568b-95e1-2665a8aea6a2"), COFFEE, "SBX-000100",
                "rec-1", 1, "offer-1", "Starbucks: Discount — 10 Day Low", "cat-1", "creative-1", "channel-email",
                "header_offer", "click", Classification.POSITIVE, OutcomeCategory.RESPONSE, Direction.INBOUND,
                "click-1710590400", new BigDecimal("149.99"), Map.of("utm_source", "mail"), Map.of("sku", "A-1"),
                AT, AT.plusSeconds(1));
    }

    static DecisionRecord decision() {
        return new DecisionRecord("rec-1", COFFEE, "SBX-000100", "sess-9", "default-flow", "email", "header_offer",
                new ExperimentAssignment("pricing-test", "challenger", false), false,
                new Funnel(60, 40, 30, 3),
                List.of(new RankedOffer(1, "offer-1", "Starbucks: Discount — 10 Day Low", "cat-1", "creative-1",
                        "channel-email", "header_offer", 0.85, false)),
                AT);
    }

    static DecisionTrace trace() {
        return new DecisionTrace("rec-1", COFFEE, "SBX-000100", "default-flow", "header_offer", new Funnel(60, 40, 30, 3),
                List.of(new ScoredCandidate("offer-1", 0.85, null, null),
                        new ScoredCandidate("offer-2", null, "qualification", "segment_required: gold")),
                AT);
    }

    static CreditLedgerEntry topUp() {
        return new CreditLedgerEntry.TopUp("topup-1", COFFEE, 10_000, "invoice-77", AT);
    }

    static CreditLedgerEntry charge() {
        return new CreditLedgerEntry.Charge("charge-1", COFFEE, 20, CreditLedgerEntry.ChargeReason.COLLECTED_EVENTS, AT);
    }

    static CatalogChange offerUpsert() {
        return CatalogChange.upsert(CatalogEntity.OFFER, COFFEE, "offer-1", 42, AT,
                Json.mapper().readTree("{\"name\":\"10 Day Low\",\"priority\":85,\"status\":\"active\"}"));
    }
}
