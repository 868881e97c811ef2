package io.nextbest.feedback;

import io.nextbest.model.catalog.CatalogChange;
import io.nextbest.model.catalog.CatalogEntity;
import io.nextbest.model.catalog.entity.Tenant;
import io.nextbest.model.event.Classification;
import io.nextbest.model.event.CreditLedgerEntry;
import io.nextbest.model.event.DecisionRecord;
import io.nextbest.model.event.Direction;
import io.nextbest.model.event.EventItem;
import io.nextbest.model.event.ExperimentAssignment;
import io.nextbest.model.event.Outcome;
import io.nextbest.model.event.OutcomeCategory;
import io.nextbest.model.event.Platform;
import io.nextbest.model.event.TrackerEvent;
import io.nextbest.model.event.TrackerEventType;
import io.nextbest.model.id.NameBasedUuid;
import io.nextbest.model.tenant.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Named builders of the feedback topology's inputs and settings, shared by its tests. */
final class FeedbackFixtures {

    static final TenantId COFFEE = new TenantId("coffee");
    static final TenantId TEA = new TenantId("tea");
    static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    private FeedbackFixtures() {
    }

    /** Small bounds so tests can reach them: 24 h dedupe, 3 contacts, 2 neighbours, 3 recent items, 1 min new-tenant grace. */
    static FeedbackProperties settings() {
        return new FeedbackProperties(Duration.ofHours(24),
                new FeedbackProperties.OfferStatsSettings(30),
                new FeedbackProperties.ContactSettings(3, Duration.ofDays(30)),
                new FeedbackProperties.ExperimentSettings(Duration.ofDays(7), 5),
                new FeedbackProperties.ItemSettings(Duration.ofDays(1),
                        Map.of("view_item", 1.0, "add_to_cart", 3.0, "purchase", 5.0), 3, Duration.ofMinutes(30), 2),
                Duration.ofMinutes(1), new FeedbackProperties.Visibility(Duration.ofMillis(30), Duration.ofMillis(10)));
    }

    /** A respond outcome of {@code customer} on offer {@code offerId} in the drinks category on web, answering rec-1. */
    static Outcome outcome(TenantId tenant, String customer, String idempotencyKey, String offerId, String outcome, Instant at) {
        Classification classification = switch (outcome) {
            case "click", "accept", "convert" -> Classification.POSITIVE;
            case "dismiss" -> Classification.NEGATIVE;
            default -> Classification.NEUTRAL;
        };
        OutcomeCategory category = outcome.equals("impression") ? OutcomeCategory.IMPRESSION : OutcomeCategory.RESPONSE;
        return new Outcome(NameBasedUuid.interactionId(tenant.value(), idempotencyKey), tenant, customer, "rec-1", 1, offerId,
                "Offer " + offerId, "drinks", "cr-1", "web", "home", outcome, classification, category, Direction.INBOUND,
                idempotencyKey, null, Map.of(), Map.of(), at, at);
    }

    static Outcome coffeeOutcome(String idempotencyKey, String offerId, String outcome, Instant at) {
        return outcome(COFFEE, "alice", idempotencyKey, offerId, outcome, at);
    }

    static Outcome answering(String recommendationId, Outcome outcome) {
        return new Outcome(outcome.interactionId(), outcome.tenantId(), outcome.customerId(), recommendationId, outcome.rank(),
                outcome.offerId(), outcome.offerName(), outcome.categoryId(), outcome.creativeId(), outcome.channelId(),
                outcome.placementId(), outcome.outcome(), outcome.classification(), outcome.category(), outcome.direction(),
                outcome.idempotencyKey(), outcome.conversionValue(), outcome.context(), outcome.outcomeDetails(),
                outcome.timestamp(), outcome.receivedAt());
    }

    /** A tenant as catalog-service's outbox relay publishes it on {@code catalog.tenants}. */
    static CatalogChange tenantRecord(TenantId tenant, long sequence) {
        return CatalogChange.upsertOf(CatalogEntity.TENANT, tenant, tenant.value(), sequence, T0,
                new Tenant(tenant.value(), "Tenant " + tenant, "active", T0));
    }

    static DecisionRecord decision(String recommendationId, String customer, String experiment, String variant, boolean control, Instant at) {
        return new DecisionRecord(recommendationId, COFFEE, customer, null, "flow", "web", "home",
                experiment == null ? null : new ExperimentAssignment(experiment, variant, control),
                false, null, List.of(), at);
    }

    static TrackerEvent itemEvent(String eventId, String user, TrackerEventType type, Instant at, String... itemIds) {
        return itemEvent(COFFEE, eventId, user, type, at, itemIds);
    }

    static TrackerEvent itemEvent(TenantId project, String eventId, String user, TrackerEventType type, Instant at, String... itemIds) {
        List<EventItem> items = Arrays.stream(itemIds).map(id -> new EventItem(id, null, 1, null)).toList();
        return new TrackerEvent(eventId, project, "tracker-1", null, Platform.WEB, user, null, "s-1", type, items,
                at, at, null, null, null, null, Map.of());
    }

    static CreditLedgerEntry.TopUp topUp(String entryId, TenantId project, long amount, Instant at) {
        return new CreditLedgerEntry.TopUp(entryId, project, amount, "invoice-" + entryId, at);
    }

    static CreditLedgerEntry.Charge charge(String entryId, TenantId project, long amount, Instant at) {
        return new CreditLedgerEntry.Charge(entryId, project, amount, CreditLedgerEntry.ChargeReason.COLLECTED_EVENTS, at);
    }
}
