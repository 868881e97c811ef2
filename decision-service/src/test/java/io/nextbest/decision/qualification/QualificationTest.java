package io.nextbest.decision.qualification;

import static io.nextbest.decision.Fixtures.NOW;
import static io.nextbest.decision.Fixtures.candidate;
import static io.nextbest.decision.Fixtures.context;
import static io.nextbest.decision.Fixtures.offer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.nextbest.decision.candidate.Candidate;
import io.nextbest.decision.candidate.DecisionContext;
import io.nextbest.decision.candidate.Drop;
import io.nextbest.decision.contact.ContactEvent;
import io.nextbest.decision.contact.ContactHistory;
import io.nextbest.model.catalog.entity.QualificationRule;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QualificationTest {

    private static QualificationRule hard(String id, int priority, String type, Map<String, Object> config) {
        return new QualificationRule(id, id, "qualification", type, "global", null, priority, "active", config);
    }

    private static QualificationRule fit(String id, String type, Map<String, Object> config) {
        return new QualificationRule(id, id, "fit", type, "global", null, 0, "active", config);
    }

    private static QualificationRule scoped(String scope, String scopeId, Map<String, Object> config) {
        return new QualificationRule("r-" + scope, "r", "qualification", "segment_required", scope, scopeId, 0, "active", config);
    }

    private static QualificationResult run(List<Candidate> candidates, List<QualificationRule> rules, DecisionContext ctx) {
        return Qualification.evaluate(candidates, rules, ctx, ContactHistory.EMPTY, c -> 0.5);
    }

    private static final Map<String, Object> NEEDS_HIGH_VALUE = Map.of("requiredSegments", List.of("high_value"));

    @Test
    void segmentRequiredDropsACustomerMissingASegment() {
        QualificationResult result = run(List.of(candidate(offer("o1").build())),
                List.of(hard("r1", 0, "segment_required", NEEDS_HIGH_VALUE)), context().segments("new").build());

        assertThat(result.qualified()).isEmpty();
        assertThat(result.drops()).containsExactly(
                new Drop("o1", "qualification", "Missing required segments: high_value"));
    }

    @Test
    void segmentRequiredNeedsAllSegmentsAndAnEmptyListPasses() {
        var both = hard("r1", 0, "segment_required", Map.of("requiredSegments", List.of("a", "b")));
        var none = hard("r2", 0, "segment_required", Map.of("requiredSegments", List.of()));

        assertThat(run(List.of(candidate(offer("o1").build())), List.of(both), context().segments("a").build())
                .drops()).extracting(Drop::reason).containsExactly("Missing required segments: b");
        assertThat(run(List.of(candidate(offer("o1").build())), List.of(both, none), context().segments("a", "b").build())
                .qualified()).hasSize(1);
    }

    @Test
    void firstHardFailureInPriorityOrderShortCircuits() {
        var low = hard("low", 1, "attribute_condition", Map.of("attribute", "tier", "operator", "eq", "value", "gold"));
        var high = hard("high", 9, "segment_required", NEEDS_HIGH_VALUE);

        QualificationResult result = run(List.of(candidate(offer("o1").build())), List.of(low, high),
                context().attributes(Map.of("tier", "silver")).build());

        assertThat(result.drops()).extracting(Drop::reason).containsExactly("Missing required segments: high_value");
    }

    @Test
    void failingFitRuleMultipliesInsteadOfDropping() {
        var rule = fit("f1", "segment_required", Map.of("requiredSegments", List.of("vip"), "fitMultiplier", 0.6));

        QualificationResult result = run(List.of(candidate(offer("o1").build())), List.of(rule), context().build());

        assertThat(result.drops()).isEmpty();
        assertThat(result.qualified().get(0).fitMultiplier()).isCloseTo(0.6, within(1e-9));
        assertThat(result.qualified().get(0).fitPenalties()).containsExactly("Missing required segments: vip");
    }

    @Test
    void fitMultipliersCompoundButNeverGoBelowOneTenth() {
        var a = fit("a", "segment_required", Map.of("requiredSegments", List.of("x"), "fitMultiplier", 0.3));
        var b = fit("b", "segment_required", Map.of("requiredSegments", List.of("y"), "fitMultiplier", 0.2));
        var c = fit("c", "segment_required", Map.of("requiredSegments", List.of("z"), "fitMultiplier", 5));

        double fit = run(List.of(candidate(offer("o1").build())), List.of(a, b, c), context().build())
                .qualified().get(0).fitMultiplier();

        assertThat(fit).isCloseTo(0.1, within(1e-9));
    }

    @Test
    void fitMultiplierDefaultsToOneHalf() {
        var rule = fit("f", "segment_required", NEEDS_HIGH_VALUE);

        assertThat(run(List.of(candidate(offer("o1").build())), List.of(rule), context().build())
                .qualified().get(0).fitMultiplier()).isCloseTo(0.5, within(1e-9));
    }

    @Test
    void attributeConditionWithAMissingAttributePasses() {
        var rule = hard("r", 0, "attribute_condition", Map.of("attribute", "age", "operator", "gte", "value", 18));

        assertThat(run(List.of(candidate(offer("o1").build())), List.of(rule), context().build()).qualified()).hasSize(1);
        assertThat(run(List.of(candidate(offer("o1").build())), List.of(rule),
                context().customer(Map.of("age", 16)).build()).drops()).hasSize(1);
    }

    @Test
    void propensityThresholdComparesTheOffersPropensity() {
        var rule = hard("p", 0, "propensity_threshold", Map.of("minPropensity", 0.3));
        List<Candidate> candidates = List.of(candidate(offer("likely").build()), candidate(offer("unlikely").build()));

        QualificationResult result = Qualification.evaluate(candidates, List.of(rule), context().build(),
                ContactHistory.EMPTY, c -> c.offerId().equals("likely") ? 0.4 : 0.1);

        assertThat(result.qualified()).extracting(q -> q.candidate().offerId()).containsExactly("likely");
        assertThat(result.drops()).extracting(Drop::reason).containsExactly("Propensity 0.1000 below threshold 0.3");
    }

    @Test
    void recencyCheckDropsAnOfferConvertedWithinTheWindow() {
        var rule = hard("rc", 0, "recency_check", Map.of("withinDays", 30, "outcome", "conversion"));
        var history = new ContactHistory(List.of(
                new ContactEvent(NOW.minus(Duration.ofDays(3)), "recent", "cat", "ch-email", "cr", "conversion"),
                new ContactEvent(NOW.minus(Duration.ofDays(40)), "old", "cat", "ch-email", "cr", "conversion"),
                new ContactEvent(NOW.minus(Duration.ofDays(1)), "seen", "cat", "ch-email", "cr", "impression")));
        List<Candidate> candidates = List.of(candidate(offer("recent").build()), candidate(offer("old").build()),
                candidate(offer("seen").build()));

        QualificationResult result = Qualification.evaluate(candidates, List.of(rule), context().build(), history, c -> 0.5);

        assertThat(result.qualified()).extracting(q -> q.candidate().offerId()).containsExactly("old", "seen");
        assertThat(result.drops()).extracting(Drop::reason).containsExactly("Recency check: conversion 72h ago, within 30 days");
    }

    @Test
    void rulesApplyOnlyWithinTheirScope() {
        var otherCategory = scoped("category", "cat-other", NEEDS_HIGH_VALUE);
        var thisOffer = scoped("offer", "o2", NEEDS_HIGH_VALUE);
        var otherChannel = scoped("channel", "sms", NEEDS_HIGH_VALUE);
        var segmentVip = scoped("segment", "vip", NEEDS_HIGH_VALUE);
        var scopeWithoutId = scoped("category", null, NEEDS_HIGH_VALUE);

        QualificationResult result = run(List.of(candidate(offer("o1").build()), candidate(offer("o2").build())),
                List.of(otherCategory, thisOffer, otherChannel, segmentVip, scopeWithoutId), context().build());

        assertThat(result.qualified()).extracting(q -> q.candidate().offerId()).containsExactly("o1");
        assertThat(result.drops()).extracting(Drop::offerId).containsExactly("o2");
    }

    @Test
    void segmentAndChannelScopesMatchTheCustomerAndTheCandidatesChannel() {
        var channelEmail = scoped("channel", "email", NEEDS_HIGH_VALUE);
        var segmentVip = scoped("segment", "vip", NEEDS_HIGH_VALUE);

        assertThat(run(List.of(candidate(offer("o1").build())), List.of(channelEmail), context().build()).drops()).hasSize(1);
        assertThat(run(List.of(candidate(offer("o1").build())), List.of(segmentVip), context().segments("vip").build())
                .drops()).hasSize(1);
    }

    @Test
    void inactiveRulesAreIgnored() {
        var paused = new QualificationRule("r", "r", "qualification", "segment_required", "global", null, 0, "paused",
                NEEDS_HIGH_VALUE);

        assertThat(run(List.of(candidate(offer("o1").build())), List.of(paused), context().build()).qualified()).hasSize(1);
    }

    @Test
    void offerEligibilityConditionsMustAllHold() {
        var offer = offer("o1").eligibility("tier", "in", List.of("gold", "platinum")).eligibility("age", "gte", 18).build();

        QualificationResult result = run(List.of(candidate(offer)), List.of(),
                context().customer(Map.of("tier", "gold", "age", 17)).build());

        assertThat(result.drops()).extracting(Drop::reason)
                .containsExactly("Offer eligibility: Attribute condition failed: age gte 18 (was 17)");
    }

    @Test
    void mandatoryOffersSkipRulesButNotTheirEligibility() {
        var rule = hard("r1", 0, "segment_required", NEEDS_HIGH_VALUE);
        var mandatory = offer("m").mandatory().build();
        var mandatoryIneligible = offer("mi").mandatory().eligibility("tier", "eq", "gold").build();

        QualificationResult result = run(List.of(candidate(mandatory), candidate(mandatoryIneligible)), List.of(rule),
                context().customer(Map.of("tier", "silver")).build());

        assertThat(result.qualified()).extracting(q -> q.candidate().offerId()).containsExactly("m");
        assertThat(result.drops()).extracting(Drop::offerId).containsExactly("mi");
    }

    @Test
    void unknownRuleTypeFailsClosed() {
        var rule = hard("r", 0, "metric_condition", Map.of());

        assertThat(run(List.of(candidate(offer("o1").build())), List.of(rule), context().build()).drops())
                .extracting(Drop::reason).containsExactly("Unknown rule type: metric_condition");
    }

    /**
     * Rules and eligibility conditions that look at the customer only are evaluated once per
     * request; over a catalog mixing them with candidate-dependent rules, every candidate still
     * gets the verdicts it gets when it is qualified alone.
     */
    @Test
    void aCatalogQualifiedTogetherGetsEachCandidatesOwnVerdicts() {
        List<QualificationRule> rules = List.of(
                new QualificationRule("adults", "a", "qualification", "attribute_condition", "global", null, 30, "active",
                        Map.of("attribute", "age", "operator", "gte", "value", 18)),
                new QualificationRule("loyal", "l", "qualification", "segment_required", "category", "cat-loyalty", 20, "active",
                        Map.of("requiredSegments", List.of("gold"))),
                new QualificationRule("vip-fit", "v", "fit", "segment_required", "offer", "o2", 10, "active",
                        Map.of("requiredSegments", List.of("vip"), "fitMultiplier", 0.4)),
                new QualificationRule("recent", "r", "qualification", "recency_check", "global", null, 5, "active",
                        Map.of("withinDays", 3)),
                new QualificationRule("likely", "p", "qualification", "propensity_threshold", "global", null, 1, "active",
                        Map.of("minPropensity", 0.3)));
        List<Candidate> candidates = List.of(candidate(offer("o1").build()), candidate(offer("o2").build()),
                candidate(offer("o3").category("cat-loyalty").build()), candidate(offer("o4").eligibility("tier", "in", List.of("gold")).build()),
                candidate(offer("o5").eligibility("tier", "in", List.of("gold")).build()), candidate(offer("o6").build()),
                candidate(offer("o7").eligibility("tier", "eq", "green").category("cat-loyalty").build()));
        ContactHistory history = new ContactHistory(List.of(new ContactEvent(NOW.minus(Duration.ofDays(1)), "o5", "cat-retention",
                "ch-email", "cr-o5", "impression"), new ContactEvent(NOW.minus(Duration.ofDays(1)), "o6", "cat-retention",
                "ch-email", "cr-o6", "impression")));
        java.util.function.ToDoubleFunction<Candidate> propensity = c -> c.offerId().equals("o1") ? 0.1 : 0.5;

        for (DecisionContext customer : List.of(context().customer(Map.of("age", 17, "tier", "gold")).build(),
                context().customer(Map.of("age", 40, "tier", "gold")).segments("gold").build(),
                context().customer(Map.of("age", 40, "tier", "green")).segments("vip").build())) {
            QualificationResult together = Qualification.evaluate(candidates, rules, customer, history, propensity);
            List<Qualified> qualified = new java.util.ArrayList<>();
            List<Drop> drops = new java.util.ArrayList<>();
            for (Candidate c : candidates) {
                QualificationResult alone = Qualification.evaluate(List.of(c), rules, customer, history, propensity);
                qualified.addAll(alone.qualified());
                drops.addAll(alone.drops());
            }

            assertThat(together.qualified()).as(customer.customer().toString()).isEqualTo(qualified);
            assertThat(together.drops()).as(customer.customer().toString()).isEqualTo(drops);
        }
    }
}
