package io.nextbest.feedback;

import static io.nextbest.feedback.FeedbackFixtures.COFFEE;
import static io.nextbest.feedback.FeedbackFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nextbest.model.event.DecisionRecord;
import io.nextbest.model.event.EventItem;
import io.nextbest.model.event.ExperimentAssignment;
import io.nextbest.model.event.Funnel;
import io.nextbest.model.event.Outcome;
import io.nextbest.model.event.Platform;
import io.nextbest.model.event.RankedOffer;
import io.nextbest.model.event.TrackerEvent;
import io.nextbest.model.event.TrackerEventType;
import io.nextbest.model.json.Json;
import io.nextbest.model.topic.Topics;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/** The input topics' JSON, as their producers write it, reads with the fields the topology uses and without the rest. */
class FeedbackInputsTest {

    @Test
    void aDecisionKeepsWhatAttributionReadsAndSkipsTheRest() {
        DecisionRecord full = new DecisionRecord("rec-1", COFFEE, "c-1", "s-1", "flow", "web", "home",
                new ExperimentAssignment("exp", "treatment", false), true, new Funnel(200, 150, 120, 3),
                List.of(new RankedOffer(1, "o-1", "Offer 1", "drinks", "cr-1", "web", "home", 0.9, false)), T0);

        DecisionRecord read = FeedbackInputs.DECISION.fromBytes(Topics.DECISIONS.valueSerde().serializer().serialize("decisions", full));

        assertThat(read).isEqualTo(new DecisionRecord("rec-1", COFFEE, "c-1", null, "flow", "web", "home",
                new ExperimentAssignment("exp", "treatment", false), true, null, List.of(), T0));
    }

    @Test
    void aDecisionWrittenBeforeTheTraceSplitStillReadsWithItsCandidatesSkipped() {
        DecisionRecord current = new DecisionRecord("rec-1", COFFEE, "c-1", null, "flow", "web", "home",
                new ExperimentAssignment("exp", "treatment", false), false, null, List.of(), T0);
        ObjectNode older = (ObjectNode) Json.mapper().readTree(Topics.DECISIONS.valueSerde().serializer().serialize("decisions", current));
        older.putArray("candidates").addObject().put("offerId", "o-2").put("droppedAt", "contact_policy").put("reason", "capped");

        assertThat(FeedbackInputs.DECISION.fromBytes(Json.mapper().writeValueAsBytes(older))).isEqualTo(current);
    }

    @Test
    void anOutcomeKeepsWhatTheAggregatesRead() {
        Outcome full = new Outcome(java.util.UUID.randomUUID(), COFFEE, "c-1", "rec-1", 2, "o-1", "Offer 1", "drinks", "cr-1", "web",
                "home", "convert", io.nextbest.model.event.Classification.POSITIVE, io.nextbest.model.event.OutcomeCategory.RESPONSE,
                io.nextbest.model.event.Direction.INBOUND, "key-1", new BigDecimal("4.50"), Map.of("basket", List.of("a", "b")),
                Map.of("note", "x"), T0, T0.plusSeconds(1));

        Outcome read = FeedbackInputs.OUTCOME.fromBytes(Topics.OUTCOMES.valueSerde().serializer().serialize("outcomes", full));

        assertThat(read.interactionId()).isEqualTo(full.interactionId());
        assertThat(read.key()).isEqualTo(full.key());
        assertThat(read.recommendationId()).isEqualTo("rec-1");
        assertThat(read.categoryId()).isEqualTo("drinks");
        assertThat(read.receivedAt()).isEqualTo(full.receivedAt());
        assertThat(FeedbackTopology.contactOf(read)).isEqualTo(FeedbackTopology.contactOf(full));
        assertThat(read.context()).isNull();
        assertThat(read.conversionValue()).isNull();
    }

    @Test
    void aTrackerEventKeepsWhatTheItemModelsRead() {
        TrackerEvent full = new TrackerEvent("ev-1", COFFEE, "tracker-1", "store-1", Platform.WEB, "anon-1", "user-1", "s-1",
                TrackerEventType.ADD_TO_CART, List.of(new EventItem("sku-1", null, 2, null)), T0, T0.plusSeconds(1),
                "https://shop/p/1", "https://search", "shoes", "EUR", Map.of("campaign", "x"));

        TrackerEvent read = FeedbackInputs.TRACKER_EVENT.fromBytes(
                Topics.TRACKER_EVENTS.valueSerde().serializer().serialize("tracker-events", full));

        assertThat(read).isEqualTo(new TrackerEvent("ev-1", COFFEE, "tracker-1", null, Platform.WEB, "anon-1", "user-1", null,
                TrackerEventType.ADD_TO_CART, full.items(), T0, T0.plusSeconds(1), null, null, null, null, null));
        assertThat(UserItemTouch.of(read)).isEqualTo(UserItemTouch.of(full));
    }

    @Test
    void badOrIncompleteJsonIsStillASerializationException() {
        for (String bad : List.of("{\"recommendationId\":", "{\"recommendationId\":\"rec-1\",\"candidates\":[]}", "[]")) {
            assertThatThrownBy(() -> FeedbackInputs.DECISION.fromBytes(bad.getBytes(StandardCharsets.UTF_8)))
                    .isInstanceOf(SerializationException.class)
                    .hasMessageStartingWith("cannot read DecisionRecord");
        }
    }

    @Test
    void ledgerEntriesReadAsWritten() {
        for (io.nextbest.model.event.CreditLedgerEntry entry : List.<io.nextbest.model.event.CreditLedgerEntry>of(
                FeedbackFixtures.topUp("t-1", COFFEE, 10, T0), FeedbackFixtures.charge("c-1", COFFEE, 3, T0.plusNanos(1_000)))) {
            assertThat(FeedbackInputs.LEDGER_ENTRY.fromBytes(Topics.CREDIT_LEDGER.valueSerde().serializer().serialize("credit-ledger", entry)))
                    .isEqualTo(entry);
        }
    }

    // The fast path reads what Jackson writes; every other shape reads as the platform mapping reads it.
    @Test
    void instantsReadAsThePlatformMappingReadsThem() {
        // Jackson's own instant reading, as every topic was read before the fast path.
        tools.jackson.databind.ObjectReader platform = tools.jackson.databind.json.JsonMapper.builder().build().readerFor(java.time.Instant.class);
        tools.jackson.databind.ObjectReader feedback = MAPPER_OF_INPUTS.readerFor(java.time.Instant.class);
        for (String json : List.of("\"2026-11-23T10:00:00Z\"", "\"2026-11-23T10:00:00.5Z\"", "\"2026-11-23T10:00:00.123Z\"",
                "\"2026-11-23T10:00:00.123456789Z\"", "\"1970-01-01T00:00:00Z\"", "\"2024-02-29T23:59:59.999999999Z\"",
                "\"2026-11-23T10:00:00+01:00\"", "1764000000", "1764000000.5")) {
            assertThat(feedback.<java.time.Instant>readValue(json)).as(json).isEqualTo(platform.<java.time.Instant>readValue(json));
        }
        assertThatThrownBy(() -> feedback.readValue("\"2026-02-30T10:00:00Z\"")).isInstanceOf(tools.jackson.core.JacksonException.class);
    }

    private static final tools.jackson.databind.ObjectMapper MAPPER_OF_INPUTS = FeedbackInputs.mapper();
}
