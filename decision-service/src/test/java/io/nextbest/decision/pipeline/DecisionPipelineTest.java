package io.nextbest.decision.pipeline;

import static io.nextbest.decision.Fixtures.NOW;
import static io.nextbest.decision.Fixtures.context;
import static io.nextbest.decision.Fixtures.creative;
import static io.nextbest.decision.Fixtures.emailChannel;
import static io.nextbest.decision.Fixtures.offer;
import static io.nextbest.decision.Fixtures.webChannel;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.nextbest.decision.candidate.Candidate;
import io.nextbest.decision.candidate.CandidateSelection;
import io.nextbest.decision.candidate.DecisionContext;
import io.nextbest.decision.contact.ContactEvent;
import io.nextbest.decision.contact.ContactHistory;
import io.nextbest.decision.contact.VolumeCounts;
import io.nextbest.decision.creative.CreativeSelection;
import io.nextbest.decision.personalization.FormulaEngine;
import io.nextbest.decision.personalization.Personalizer;
import io.nextbest.decision.scoring.EvidenceSource;
import io.nextbest.decision.scoring.GuardedModel;
import io.nextbest.decision.scoring.OfferEvidence;
import io.nextbest.model.catalog.entity.Category;
import io.nextbest.model.catalog.entity.Channel;
import io.nextbest.model.catalog.entity.ContactPolicy;
import io.nextbest.model.catalog.entity.Creative;
import io.nextbest.model.catalog.entity.CustomField;
import io.nextbest.model.catalog.entity.DecisionFlow;
import io.nextbest.model.catalog.entity.Experiment;
import io.nextbest.model.catalog.entity.Offer;
import io.nextbest.model.catalog.entity.QualificationRule;
import io.nextbest.model.event.DecisionRecord;
import io.nextbest.model.event.DecisionTrace;
import io.nextbest.model.event.Funnel;
import io.nextbest.model.event.ScoredCandidate;
import io.nextbest.model.tenant.TenantId;
import io.nextbest.model.tenant.TenantKey;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

class DecisionPipelineTest {

    private final DecisionPipeline pipeline = new DecisionPipeline(new Personalizer(new FormulaEngine()),
            () -> RandomSource.XO_RO_SHI_RO_128_PP.create(11L));

    private static DecisionFlow flow(String method, List<String> stages, String experimentKey) {
        return new DecisionFlow("f1", "coffee-flow", "Coffee", "active", true, stages,
                new DecisionFlow.Scoring(method, null, null), 3, experimentKey);
    }

    /**
     * Six offers on email: latte (priority 90), mocha (70), tea (50, needs segment high_value),
     * cold (60, frequency-capped), scone (40), and paused (inactive).
     */
    private static DecisionCatalog coffeeCatalog(DecisionFlow flow, Experiment experiment) {
        Category drinks = new Category("cat-retention", "Drinks", null, null,
                List.of(new CustomField("price", "Price", "decimal", false, "4.50 - customer.loyalty_score * 0.05")));
        return new DecisionCatalog(flow, experiment,
                List.of(offer("latte").priority(90).build(), offer("mocha").priority(70).build(),
                        offer("tea").priority(50).build(), offer("cold").priority(60).build(),
                        offer("scone").priority(40).build(), offer("paused").status("paused").build()),
                List.of(drinks), List.of(emailChannel(), webChannel()),
                List.of(creative("c-latte", "latte", "ch-email", "hero_banner", 100),
                        creative("c-mocha", "mocha", "ch-email", "hero_banner", 100),
                        creative("c-tea", "tea", "ch-email", "hero_banner", 100),
                        creative("c-cold", "cold", "ch-email", "hero_banner", 100),
                        creative("c-scone", "scone", "ch-email", "hero_banner", 100),
                        creative("c-paused", "paused", "ch-email", "hero_banner", 100)),
                List.of(new QualificationRule("r1", "HV", "qualification", "segment_required", "offer", "tea", 10,
                        "active", Map.of("requiredSegments", List.of("high_value"))),
                        new QualificationRule("r2", "Fit", "fit", "segment_required", "offer", "latte", 5,
                                "active", Map.of("requiredSegments", List.of("latte_lover"), "fitMultiplier", 0.5))),
                List.of(new ContactPolicy("p1", "Cap", "frequency_cap", List.of(new ContactPolicy.Scope("offer", "cold")), 1,
                        "active", Map.of("maxPerDay", 1))),
                List.of());
    }

    private static CustomerStatistics coldSeenToday() {
        return new CustomerStatistics(new ContactHistory(List.of(new ContactEvent(NOW.minus(Duration.ofHours(1)),
                "cold", "cat-retention", "ch-email", "c-cold", "impression"))), EvidenceSource.NONE, VolumeCounts.NONE);
    }

    private static DecisionContext emailRequest() {
        return context().channel("email").placement("hero_banner").customer(Map.of("loyalty_score", 10)).build();
    }

    private static List<String> offers(DecisionOutcome outcome) {
        return outcome.decisions().stream().map(d -> d.offer().id()).toList();
    }

    @Test
    void funnelCountsEveryStage() {
        DecisionOutcome outcome = pipeline.decide(emailRequest(), coffeeCatalog(flow("priority_weighted", List.of(), null), null),
                coldSeenToday(), null, null);

        assertThat(outcome.funnel()).isEqualTo(new Funnel(5, 4, 3, 3));
        assertThat(offers(outcome)).containsExactly("mocha", "latte", "scone");
    }

    @Test
    void traceHasEveryOffersScoreOrDropStageAndReason() {
        DecisionOutcome outcome = pipeline.decide(emailRequest(), coffeeCatalog(flow("priority_weighted", List.of(), null), null),
                coldSeenToday(), 2, null);

        assertThat(outcome.trace()).containsExactlyInAnyOrder(
                new ScoredCandidate("paused", null, "candidates", "Offer status is paused, not active"),
                new ScoredCandidate("tea", null, "qualification", "Missing required segments: high_value"),
                new ScoredCandidate("cold", null, "contact_policy", "frequency_cap exceeded: 1/day at scope=offer:cold"),
                new ScoredCandidate("mocha", 0.7, null, null),
                new ScoredCandidate("latte", 0.45, null, null),
                new ScoredCandidate("scone", 0.4, "ranking", "below limit: rank 3 > limit 2"));
    }

    @Test
    void decidingWithoutATraceChangesNothingButTheTrace() {
        DecisionCatalog catalog = coffeeCatalog(flow("priority_weighted", List.of(), null), null);

        DecisionOutcome traced = pipeline.decide(emailRequest(), catalog, coldSeenToday(), 2, null, true);
        DecisionOutcome untraced = pipeline.decide(emailRequest(), catalog, coldSeenToday(), 2, null, false);

        assertThat(untraced.trace()).isEmpty();
        assertThat(traced.trace()).hasSize(6);
        assertThat(untraced.decisions()).isEqualTo(traced.decisions());
        assertThat(untraced.funnel()).isEqualTo(traced.funnel());
        assertThat(untraced.notes()).isEqualTo(traced.notes());
    }

    /**
     * "even" has three creatives of weight 100 (their pick is left until after ranking), "uneven"
     * 10/50/100 (picked before scoring, since the weight is its score); both on email and web.
     */
    @Test
    void theReturnedCreativeIsTheWeightedPickWhetherItIsMadeBeforeOrAfterScoring() {
        List<Offer> offers = List.of(offer("even").priority(80).build(), offer("uneven").priority(60).build());
        List<Channel> channels = List.of(emailChannel(), webChannel());
        List<Creative> creatives = List.of(creative("e1", "even", "ch-email", "hero_banner", 100),
                creative("e2", "even", "ch-web", "sidebar", 100), creative("e3", "even", "ch-web", "sidebar", 100),
                creative("u1", "uneven", "ch-email", "hero_banner", 10), creative("u2", "uneven", "ch-web", "sidebar", 50),
                creative("u3", "uneven", "ch-web", "sidebar", 100));
        DecisionCatalog catalog = new DecisionCatalog(flow("priority_weighted", List.of(), null), null, offers, List.of(),
                channels, creatives, List.of(), List.of(), List.of());
        Set<String> shown = new HashSet<>();

        for (int i = 0; i < 300; i++) {
            DecisionContext request = context().customerId("cust-" + i).build();
            Map<String, Candidate> candidates = CandidateSelection.select(offers, List.of(), channels, creatives, request)
                    .candidates().stream().collect(Collectors.toMap(Candidate::offerId, c -> c));
            DecisionOutcome outcome = pipeline.decide(request, catalog, CustomerStatistics.NONE, 2, null, false);

            assertThat(offers(outcome)).containsExactlyInAnyOrder("even", "uneven");
            for (Decision d : outcome.decisions()) {
                Candidate.CreativeOption pick = CreativeSelection.choose(candidates.get(d.offer().id()), "cust-" + i, "rec-1");
                assertThat(d.creative()).isEqualTo(pick.creative());
                assertThat(d.channel()).isEqualTo(pick.channel());
                assertThat(d.score()).isCloseTo(d.offer().priority() / 100.0 * pick.creative().weight() / 100.0, within(1e-12));
                assertThat(d.scoreExplanation()).containsEntry("weight", pick.creative().weight());
                shown.add(d.creative().id());
            }
        }
        assertThat(shown).containsExactlyInAnyOrder("e1", "e2", "e3", "u1", "u2", "u3");
    }

    @Test
    void decisionsCarryCreativeContentPersonalizationAndExplanation() {
        DecisionOutcome outcome = pipeline.decide(emailRequest(), coffeeCatalog(flow("priority_weighted", List.of(), null), null),
                coldSeenToday(), 1, null);

        Decision top = outcome.decisions().get(0);
        assertThat(top.rank()).isEqualTo(1);
        assertThat(top.creative().id()).isEqualTo("c-mocha");
        assertThat(top.channel().id()).isEqualTo("ch-email");
        assertThat(top.personalization()).containsEntry("price", new java.math.BigDecimal("4"));
        assertThat(top.content()).containsEntry("subject", "Hello ");
        assertThat(top.scoreExplanation()).containsEntry("method", "priority_weighted").containsEntry("priority", 70);
        assertThat(outcome.notes()).containsExactly("mocha: token {{attributes.first_name}} has no value");
    }

    @Test
    void stagesListCanSwitchQualificationAndContactPoliciesOff() {
        DecisionOutcome outcome = pipeline.decide(emailRequest(),
                coffeeCatalog(flow("priority_weighted", List.of("scoring", "ranking"), null), null), coldSeenToday(), 10, null);

        assertThat(outcome.funnel()).isEqualTo(new Funnel(5, 5, 5, 5));
        assertThat(offers(outcome)).containsExactly("latte", "mocha", "cold", "tea", "scone");
    }

    @Test
    void learnedEvidenceRaisesAnOffersRankUnderPropensityScoring() {
        DecisionCatalog catalog = coffeeCatalog(flow("propensity", List.of(), null), null);
        EvidenceSource sconeIsLoved = new EvidenceSource() {
            @Override
            public OfferEvidence offer(String offerId) {
                return offerId.equals("scone") ? new OfferEvidence(40, 10) : OfferEvidence.NONE;
            }

            @Override
            public OfferEvidence category(String categoryId) {
                return OfferEvidence.NONE;
            }

            @Override
            public OfferEvidence global() {
                return OfferEvidence.NONE;
            }
        };

        DecisionOutcome before = pipeline.decide(emailRequest(), catalog, CustomerStatistics.NONE, 5, null);
        DecisionOutcome after = pipeline.decide(emailRequest(), catalog,
                new CustomerStatistics(ContactHistory.EMPTY, sconeIsLoved, VolumeCounts.NONE), 5, null);

        assertThat(offers(before).indexOf("scone")).isGreaterThan(0);
        assertThat(offers(after).get(0)).isEqualTo("scone");
    }

    @Test
    void unavailableModelMarksTheDecisionDegraded() {
        GuardedModel down = new GuardedModel("m", (c, ctx) -> {
            throw new IllegalStateException("down");
        }, Clock.systemUTC());

        DecisionOutcome outcome = pipeline.decide(emailRequest(), coffeeCatalog(flow("propensity", List.of(), null), null),
                CustomerStatistics.NONE, 5, down);

        assertThat(outcome.degradedScoring()).isTrue();
        assertThat(outcome.decisions()).isNotEmpty();
    }

    @Test
    void experimentVariantChoosesTheScoringMethodAndHoldoutGetsPriorityOnly() {
        Experiment experiment = new Experiment("e", "coffee-exp", "Exp", "champion_challenger", true, 30,
                List.of(new Experiment.Variant("champion", 0.5, "propensity", null),
                        new Experiment.Variant("challenger", 0.5, "formula", null)));
        DecisionCatalog catalog = coffeeCatalog(flow("propensity", List.of(), "coffee-exp"), experiment);

        List<DecisionOutcome> outcomes = IntStream.range(0, 200).mapToObj(i -> pipeline.decide(
                context().customerId("c-" + i).channel("email").build(), catalog, CustomerStatistics.NONE, 3, null)).toList();

        assertThat(outcomes).allSatisfy(o -> assertThat(o.scoringMethod()).isEqualTo(switch (o.variant().variant()) {
            case "__holdout__" -> "priority_weighted";
            case "champion" -> "propensity";
            default -> "formula";
        }));
        assertThat(outcomes).filteredOn(DecisionOutcome::controlGroup).isNotEmpty()
                .allSatisfy(o -> assertThat(offers(o).get(0)).isEqualTo("mocha"));
    }

    @Test
    void unknownScoringMethodFallsBackWithANoteInsteadOfFailing() {
        Experiment experiment = new Experiment("e", "typo-exp", "Exp", "champion_challenger", true, 0,
                List.of(new Experiment.Variant("champion", 1.0, "fomula", null)));

        DecisionOutcome badFlow = pipeline.decide(emailRequest(),
                coffeeCatalog(flow("magic", List.of(), null), null), CustomerStatistics.NONE, 3, null);
        DecisionOutcome badVariant = pipeline.decide(emailRequest(),
                coffeeCatalog(flow("propensity", List.of(), "typo-exp"), experiment), CustomerStatistics.NONE, 3, null);

        assertThat(badFlow.scoringMethod()).isEqualTo("priority_weighted");
        assertThat(badFlow.notes()).contains("Unknown scoring method: magic in flow; using priority_weighted");
        assertThat(badVariant.scoringMethod()).isEqualTo("propensity");
        assertThat(badVariant.notes()).contains("Unknown scoring method: fomula in variant champion; using the flow's");
    }

    @Test
    void multiPlacementWithDeduplicateNeverRepeatsAnOffer() {
        DecisionCatalog catalog = coffeeCatalog(flow("priority_weighted", List.of("scoring"), null), null);

        List<PlacementOutcome> deduped = pipeline.decidePlacements(context().channel("email").build(), catalog,
                CustomerStatistics.NONE, List.of(new PlacementRequest("hero_banner", 2), new PlacementRequest("hero_banner", 2)),
                true, null);
        List<PlacementOutcome> repeated = pipeline.decidePlacements(context().channel("email").build(), catalog,
                CustomerStatistics.NONE, List.of(new PlacementRequest("hero_banner", 2), new PlacementRequest("hero_banner", 2)),
                false, null);

        assertThat(offers(deduped.get(0).outcome())).containsExactly("latte", "mocha");
        assertThat(offers(deduped.get(1).outcome())).containsExactly("cold", "tea");
        assertThat(offers(repeated.get(1).outcome())).containsExactly("latte", "mocha");
    }

    @Test
    void outcomeBecomesADecisionRecord() {
        Experiment experiment = new Experiment("e", "coffee-exp", "Exp", "champion_challenger", true, 0,
                List.of(new Experiment.Variant("champion", 1.0, null, null)));
        DecisionOutcome outcome = pipeline.decide(emailRequest(),
                coffeeCatalog(flow("priority_weighted", List.of(), "coffee-exp"), experiment), coldSeenToday(), 2, null);

        DecisionRecord record = outcome.toRecord("rec-1", new TenantId("t-1"), "c-1", "s-1", "coffee-flow", "email",
                "hero_banner", NOW);

        assertThat(record.decisions()).extracting(r -> r.offerId() + "@" + r.rank() + "/" + r.creativeId())
                .containsExactly("mocha@1/c-mocha", "latte@2/c-latte");
        assertThat(record.funnel()).isEqualTo(outcome.funnel());
        assertThat(record.experiment().variant()).isEqualTo("champion");
    }

    @Test
    void outcomeBecomesADecisionTraceWithEveryCatalogOffer() {
        DecisionOutcome outcome = pipeline.decide(emailRequest(), coffeeCatalog(flow("priority_weighted", List.of(), null), null),
                coldSeenToday(), 2, null);

        DecisionTrace trace = outcome.toTrace("rec-1", new TenantId("t-1"), "c-1", "coffee-flow", "hero_banner", NOW);

        assertThat(trace.key()).isEqualTo(new TenantKey(new TenantId("t-1"), "c-1"));
        assertThat(trace.candidates()).isEqualTo(outcome.trace()).hasSize(6);
        assertThat(trace.funnel()).isEqualTo(outcome.funnel());
        assertThat(trace).extracting(DecisionTrace::recommendationId, DecisionTrace::decisionFlowKey, DecisionTrace::placement,
                DecisionTrace::timestamp).containsExactly("rec-1", "coffee-flow", "hero_banner", NOW);
    }
}
