package io.nextbest.ingest.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import io.nextbest.model.event.DecisionRecord;
import io.nextbest.model.event.ExperimentAssignment;
import io.nextbest.model.event.Funnel;
import io.nextbest.model.event.RankedOffer;
import io.nextbest.model.event.ScoredCandidate;
import io.nextbest.model.tenant.TenantId;
import io.nextbest.model.topic.Topics;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DecisionReadsTest {

    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    @Test
    void aDecisionKeepsWhatRespondResolvesAgainstAndSkipsTheCandidates() {
        List<RankedOffer> returned = List.of(new RankedOffer(1, "o-1", "Offer 1", "drinks", "cr-1", "web", "home", 0.9, false),
                new RankedOffer(2, "o-2", "Offer 2", "food", "cr-2", "web", "home", 0.4, true));
        DecisionRecord full = new DecisionRecord("rec-1", new TenantId("coffee"), "c-1", "s-1", "flow", "web", "home",
                new ExperimentAssignment("exp", "treatment", false), true, new Funnel(200, 150, 120, 2), returned,
                List.of(new ScoredCandidate("o-1", 0.9, null, null), new ScoredCandidate("o-3", null, "contact_policy", "capped")), T0);

        DecisionRecord read = DecisionReads.DECISION.fromBytes(Topics.DECISIONS.valueSerde().serializer().serialize("decisions", full));

        assertThat(read).isEqualTo(new DecisionRecord("rec-1", new TenantId("coffee"), "c-1", "s-1", "flow", "web", "home",
                null, true, null, returned, List.of(), T0));
        assertThat(RecentDecisions.EMPTY.with(read, 5).find("rec-1")).hasValueSatisfying(r -> {
            assertThat(r.decisions()).isEqualTo(returned);
            assertThat(r.timestamp()).isEqualTo(T0);
        });
    }
}
