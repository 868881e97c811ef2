package io.nextbest.ingest.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import io.nextbest.model.event.DecisionRecord;
import io.nextbest.model.event.ExperimentAssignment;
import io.nextbest.model.event.Funnel;
import io.nextbest.model.event.RankedOffer;
import io.nextbest.model.json.Json;
import io.nextbest.model.tenant.TenantId;
import io.nextbest.model.topic.Topics;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

class DecisionReadsTest {

    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    @Test
    void aDecisionKeepsWhatRespondResolvesAgainstAndSkipsTheRest() {
        List<RankedOffer> returned = List.of(new RankedOffer(1, "o-1", "Offer 1", "drinks", "cr-1", "web", "home", 0.9, false),
                new RankedOffer(2, "o-2", "Offer 2", "food", "cr-2", "web", "home", 0.4, true));
        DecisionRecord full = new DecisionRecord("rec-1", new TenantId("coffee"), "c-1", "s-1", "flow", "web", "home",
                new ExperimentAssignment("exp", "treatment", false), true, new Funnel(200, 150, 120, 2), returned, T0);

        DecisionRecord read = DecisionReads.DECISION.fromBytes(Topics.DECISIONS.valueSerde().serializer().serialize("decisions", full));

        assertThat(read).isEqualTo(new DecisionRecord("rec-1", new TenantId("coffee"), "c-1", "s-1", "flow", "web", "home",
                null, true, null, returned, T0));
    }

    @Test
    void aDecisionWrittenBeforeTheTraceSplitStillReadsWithItsCandidatesSkipped() {
        List<RankedOffer> returned = List.of(new RankedOffer(1, "o-1", "Offer 1", "drinks", "cr-1", "web", "home", 0.9, false));
        DecisionRecord current = new DecisionRecord("rec-1", new TenantId("coffee"), "c-1", null, "flow", "web", "home",
                null, false, null, returned, T0);
        ObjectNode older = (ObjectNode) Json.mapper().readTree(Topics.DECISIONS.valueSerde().serializer().serialize("decisions", current));
        older.putArray("candidates").addObject().put("offerId", "o-3").put("droppedAt", "contact_policy").put("reason", "capped");

        assertThat(DecisionReads.DECISION.fromBytes(Json.mapper().writeValueAsBytes(older))).isEqualTo(current);
    }
}
