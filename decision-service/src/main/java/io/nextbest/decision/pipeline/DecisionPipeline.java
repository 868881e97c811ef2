package io.nextbest.decision.pipeline;

import io.nextbest.decision.candidate.Candidate;
import io.nextbest.decision.candidate.CandidateIndex;
import io.nextbest.decision.candidate.CandidateSelection;
import io.nextbest.decision.candidate.CandidateSet;
import io.nextbest.decision.candidate.DecisionContext;
import io.nextbest.decision.candidate.Drop;
import io.nextbest.decision.contact.ContactPolicies;
import io.nextbest.decision.contact.ContactPolicyResult;
import io.nextbest.decision.creative.CreativeSelection;
import io.nextbest.decision.experiment.ExperimentAssigner;
import io.nextbest.decision.experiment.VariantAssignment;
import io.nextbest.decision.personalization.Personalization;
import io.nextbest.decision.personalization.Personalizer;
import io.nextbest.decision.qualification.Qualification;
import io.nextbest.decision.qualification.QualificationResult;
import io.nextbest.decision.qualification.Qualified;
import io.nextbest.decision.ranking.Ranked;
import io.nextbest.decision.ranking.Ranking;
import io.nextbest.decision.ranking.RankingResult;
import io.nextbest.decision.scoring.EvidenceSource;
import io.nextbest.decision.scoring.GuardedModel;
import io.nextbest.decision.scoring.PropensityEstimator;
import io.nextbest.decision.scoring.Scored;
import io.nextbest.decision.scoring.Scorer;
import io.nextbest.decision.scoring.ScoringConfig;
import io.nextbest.decision.scoring.ScoringMethod;
import io.nextbest.model.catalog.entity.DecisionFlow;
import io.nextbest.model.catalog.entity.Offer;
import io.nextbest.model.event.Funnel;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * The decisioning core as one function: candidates → qualification → contact policies →
 * creative selection → scoring → ranking → personalization, configured by the decision flow.
 * The flow's {@code stages} switches qualification, {@code contact_policy} and {@code scoring} on
 * (an empty list means all); candidates, creative selection, ranking and personalization always
 * run. The scoring method is the holdout's {@code priority_weighted}, else the experiment
 * variant's, else the flow's. A candidate whose creatives would score differently (weights, or
 * wildcard placement under PRIE) has its creative picked before scoring; otherwise the pick is made
 * only for the returned decisions. The pick is deterministic, so when it is made does not change
 * which creative a decision gets. No I/O: everything read is in the input.
 */
public final class DecisionPipeline {

    private static final Set<String> ALL_STAGES = Set.of(Drop.QUALIFICATION, Drop.CONTACT_POLICY, Drop.SCORING);

    private final Personalizer personalizer;
    private final Supplier<UniformRandomProvider> random;
    private final CandidateIndex.PerTenant candidateIndexes = new CandidateIndex.PerTenant();

    /** @param random a fresh random source per decision, for Thompson draws */
    public DecisionPipeline(Personalizer personalizer, Supplier<UniformRandomProvider> random) {
        this.personalizer = personalizer;
        this.random = random;
    }

    /** {@link #decide(DecisionContext, DecisionCatalog, CustomerStatistics, Integer, GuardedModel, boolean)} with the trace. */
    public DecisionOutcome decide(DecisionContext context, DecisionCatalog catalog, CustomerStatistics statistics,
            Integer limit, GuardedModel model) {
        return decide(context, catalog, statistics, limit, model, true);
    }

    /**
     * @param limit     the request's limit, null for the flow's (or 5)
     * @param model     the flow's model behind its circuit breaker, null when it has none
     * @param withTrace false when nobody will read the outcome's per-candidate trace (it is then
     *                  empty; everything else is the same)
     */
    public DecisionOutcome decide(DecisionContext context, DecisionCatalog catalog, CustomerStatistics statistics,
            Integer limit, GuardedModel model, boolean withTrace) {
        DecisionFlow flow = catalog.flow();
        Set<String> stages = flow == null || flow.stages() == null || flow.stages().isEmpty()
                ? ALL_STAGES : Set.copyOf(flow.stages());
        VariantAssignment variant = ExperimentAssigner.assign(catalog.experiment(), context.customerId()).orElse(null);
        Trace trace = withTrace ? Trace.kept() : Trace.NONE;
        EvidenceSource evidence = new RequestEvidence(statistics.evidence());

        CandidateSet candidates = CandidateSelection.select(candidateIndexes.of(context.tenantId(), catalog.offers(),
                catalog.categories(), catalog.channels(), catalog.creatives()), context);
        trace.dropped(candidates.drops());
        List<Qualified> qualified = qualify(candidates.candidates(), stages, catalog, statistics, evidence, context, trace);
        int afterQualification = qualified.size();
        List<Qualified> allowed = applyContactPolicies(qualified, stages, catalog, statistics, context, trace);

        List<String> notes = new ArrayList<>();
        ScoringConfig scoring = scoringConfig(flow, stages, variant, notes);
        Scorer scorer = new Scorer(scoring, evidence, model, random.get());
        List<Scored> scored = allowed.stream().map(q -> scorer.score(q, scoringOption(q.candidate(), context), context)).toList();

        Set<String> mandatoryIds = catalog.offers().stream().filter(Offer::mandatory).map(Offer::id).collect(Collectors.toSet());
        RankingResult ranking = Ranking.rank(scored, Ranking.limit(limit, flow == null ? 0 : flow.limit()),
                Ranking.mandatoryShownToday(statistics.history(), mandatoryIds, context.now()));
        trace.ranked(scored, ranking);

        List<Decision> decisions = ranking.ranked().stream().map(r -> decision(r, context, notes)).toList();
        Funnel funnel = new Funnel(candidates.candidates().size(), afterQualification, allowed.size(), decisions.size());
        return new DecisionOutcome(decisions, funnel, scored.stream().anyMatch(Scored::degraded), variant,
                scoring.method().wireName(), trace.entries(), notes);
    }

    /** {@link #decidePlacements(DecisionContext, DecisionCatalog, CustomerStatistics, List, boolean, GuardedModel, boolean)} with traces. */
    public List<PlacementOutcome> decidePlacements(DecisionContext context, DecisionCatalog catalog,
            CustomerStatistics statistics, List<PlacementRequest> placements, boolean deduplicate, GuardedModel model) {
        return decidePlacements(context, catalog, statistics, placements, deduplicate, model, true);
    }

    /**
     * Multi-placement: each placement is decided in request order; with {@code deduplicate}, offers
     * returned for an earlier placement are excluded from the later ones.
     */
    public List<PlacementOutcome> decidePlacements(DecisionContext context, DecisionCatalog catalog,
            CustomerStatistics statistics, List<PlacementRequest> placements, boolean deduplicate, GuardedModel model,
            boolean withTrace) {
        Set<String> returned = new LinkedHashSet<>();
        List<PlacementOutcome> outcomes = new ArrayList<>();
        for (PlacementRequest placement : placements) {
            DecisionContext forPlacement = context.withPlacement(placement.placementId(), deduplicate ? returned : Set.of());
            DecisionOutcome outcome = decide(forPlacement, catalog, statistics, placement.limit(), model, withTrace);
            outcome.decisions().forEach(d -> returned.add(d.offer().id()));
            outcomes.add(new PlacementOutcome(placement.placementId(), outcome));
        }
        return outcomes;
    }

    private static List<Qualified> qualify(List<Candidate> candidates, Set<String> stages, DecisionCatalog catalog,
            CustomerStatistics statistics, EvidenceSource evidence, DecisionContext context, Trace trace) {
        if (!stages.contains(Drop.QUALIFICATION)) {
            return candidates.stream().map(Qualified::unpenalized).toList();
        }
        QualificationResult result = Qualification.evaluate(candidates, catalog.rules(), context, statistics.history(),
                new RequestPropensity(context, evidence, scoringSmoothing(catalog.flow())));
        trace.dropped(result.drops());
        return result.qualified();
    }

    private static List<Qualified> applyContactPolicies(List<Qualified> qualified, Set<String> stages,
            DecisionCatalog catalog, CustomerStatistics statistics, DecisionContext context, Trace trace) {
        if (!stages.contains(Drop.CONTACT_POLICY)) {
            return qualified;
        }
        ContactPolicyResult result = ContactPolicies.evaluate(qualified, catalog.policies(), catalog.volumeCaps(),
                statistics.volumeCounts(), statistics.history(), context);
        trace.dropped(result.drops());
        return result.allowed();
    }

    /**
     * A method name the engine does not know (a typo in a flow or variant) falls back to the next
     * source (variant → flow → {@code priority_weighted}) with a note, instead of failing the call.
     */
    private static ScoringConfig scoringConfig(DecisionFlow flow, Set<String> stages, VariantAssignment variant,
            List<String> notes) {
        DecisionFlow.Scoring scoring = flow == null ? null : flow.scoring();
        ScoringConfig config;
        try {
            config = ScoringConfig.of(scoring);
        } catch (IllegalArgumentException e) {
            notes.add(e.getMessage() + " in flow; using priority_weighted");
            config = ScoringConfig.of(scoring == null ? null
                    : new DecisionFlow.Scoring(null, scoring.weights(), scoring.smoothingWeight()));
        }
        if (variant != null && variant.scoringMethod() != null) {
            try {
                return config.withMethod(ScoringMethod.fromWire(variant.scoringMethod()));
            } catch (IllegalArgumentException e) {
                notes.add(e.getMessage() + " in variant " + variant.variant() + "; using the flow's");
            }
        }
        return stages.contains(Drop.SCORING) ? config : config.withMethod(ScoringMethod.PRIORITY_WEIGHTED);
    }

    private static double scoringSmoothing(DecisionFlow flow) {
        Double weight = flow == null || flow.scoring() == null ? null : flow.scoring().smoothingWeight();
        return weight == null ? PropensityEstimator.DEFAULT_SMOOTHING_WEIGHT : weight;
    }

    /**
     * The creative a candidate is scored with. When all its options score alike the pick cannot
     * change the score, so it is left to {@link #decision}, for the few candidates returned:
     * hashing every candidate's pick was a sixth of the pipeline at 200 offers. Nothing before
     * ranking depends on the pick (contact policies look at all of a candidate's creatives).
     */
    private static Candidate.CreativeOption scoringOption(Candidate candidate, DecisionContext context) {
        return Scorer.scoresAlike(candidate.options()) ? candidate.options().get(0)
                : CreativeSelection.choose(candidate, context.customerId(), context.recommendationId());
    }

    private Decision decision(Ranked ranked, DecisionContext context, List<String> notes) {
        Scored s = ranked.scored();
        Candidate candidate = s.candidate();
        // The same pick scoring used when it mattered (the choice is deterministic), made here when it did not.
        Candidate.CreativeOption creative = CreativeSelection.choose(candidate, context.customerId(), context.recommendationId());
        Personalization p = personalizer.personalize(candidate.offer(), candidate.category(), creative.creative(), context);
        p.notes().forEach(n -> notes.add(candidate.offerId() + ": " + n));
        return new Decision(ranked.rank(), candidate.offer(), candidate.category(), creative.channel(),
                creative.creative(), s.score(), p.content(), p.fields(), s.explanation());
    }
}
