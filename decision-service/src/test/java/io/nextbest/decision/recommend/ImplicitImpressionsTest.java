package io.nextbest.decision.recommend;

import static io.nextbest.decision.Fixtures.NOW;
import static io.nextbest.decision.Fixtures.context;
import static io.nextbest.decision.Fixtures.creative;
import static io.nextbest.decision.Fixtures.emailChannel;
import static io.nextbest.decision.Fixtures.offer;
import static io.nextbest.decision.Fixtures.retention;
import static io.nextbest.decision.Fixtures.webChannel;
import static org.assertj.core.api.Assertions.assertThat;

import io.nextbest.decision.personalization.FormulaEngine;
import io.nextbest.decision.personalization.Personalizer;
import io.nextbest.decision.pipeline.CustomerStatistics;
import io.nextbest.decision.pipeline.DecisionCatalog;
import io.nextbest.decision.pipeline.DecisionOutcome;
import io.nextbest.decision.pipeline.DecisionPipeline;
import io.nextbest.model.event.DecisionRecord;
import io.nextbest.model.event.Outcome;
import io.nextbest.model.tenant.TenantId;
import io.nextbest.model.topic.Topics;
import java.util.List;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

class ImplicitImpressionsTest {

    private static final TenantId TENANT = new TenantId("t-1");

    private static DecisionOutcome webAndEmailDecisions() {
        DecisionCatalog catalog = new DecisionCatalog(null, null,
                List.of(offer("on-web").priority(90).build(), offer("on-email").priority(80).build()),
                List.of(retention()), List.of(emailChannel(), webChannel()),
                List.of(creative("c-web", "on-web", "ch-web", null, 100), creative("c-email", "on-email", "ch-email", null, 100)),
                List.of(), List.of(), List.of());
        return new DecisionPipeline(new Personalizer(new FormulaEngine()), () -> RandomSource.XO_RO_SHI_RO_128_PP.create(1L))
                .decide(context().build(), catalog, CustomerStatistics.NONE, null, null);
    }

    @Test
    void onlyDecisionsOnImplicitChannelsRecordAnImpression() {
        List<Outcome> impressions = ImplicitImpressions.of(webAndEmailDecisions(), "rec-1", TENANT, "c-1", null, NOW);

        assertThat(impressions).hasSize(1);
        Outcome o = impressions.get(0);
        assertThat(o.offerId()).isEqualTo("on-web");
        assertThat(o.rank()).isEqualTo(1);
        assertThat(o.outcome()).isEqualTo("impression");
        assertThat(o.channelId()).isEqualTo("ch-web");
        assertThat(o.idempotencyKey()).isEqualTo("implicit-impression:rec-1:1");
    }

    @Test
    void theSameRankInTwoPlacementsOfOneRecommendationGetsTwoInteractionIds() {
        DecisionOutcome outcome = webAndEmailDecisions();

        assertThat(ImplicitImpressions.of(outcome, "rec-1", TENANT, "c-1", "sidebar", NOW).get(0).interactionId())
                .isNotEqualTo(ImplicitImpressions.of(outcome, "rec-1", TENANT, "c-1", "footer", NOW).get(0).interactionId());
    }

    @Test
    void sameRecommendationGivesTheSameInteractionId() {
        DecisionOutcome outcome = webAndEmailDecisions();

        assertThat(ImplicitImpressions.of(outcome, "rec-1", TENANT, "c-1", null, NOW).get(0).interactionId())
                .isEqualTo(ImplicitImpressions.of(outcome, "rec-1", TENANT, "c-1", null, NOW.plusSeconds(5)).get(0).interactionId())
                .isNotEqualTo(ImplicitImpressions.of(outcome, "rec-2", TENANT, "c-1", null, NOW).get(0).interactionId());
    }

    @Test
    void decisionRecordAndImpressionsRoundTripThroughTheirTopicSerdes() {
        DecisionOutcome outcome = webAndEmailDecisions();
        DecisionRecord record = outcome.toRecord("rec-1", TENANT, "c-1", null, "flow", null, null, NOW);
        Outcome impression = ImplicitImpressions.of(outcome, "rec-1", TENANT, "c-1", null, NOW).get(0);

        byte[] recordBytes = Topics.DECISIONS.valueSerde().serializer().serialize("decisions", record);
        byte[] impressionBytes = Topics.OUTCOMES.valueSerde().serializer().serialize("outcomes", impression);

        assertThat(Topics.DECISIONS.valueSerde().deserializer().deserialize("decisions", recordBytes)).isEqualTo(record);
        assertThat(Topics.OUTCOMES.valueSerde().deserializer().deserialize("outcomes", impressionBytes)).isEqualTo(impression);
    }
}
