package io.nextbest.model.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nextbest.model.catalog.CatalogChange;
import io.nextbest.model.event.CreditBalance;
import io.nextbest.model.event.CreditLedgerEntry;
import io.nextbest.model.event.DecisionRecord;
import io.nextbest.model.event.DecisionTrace;
import io.nextbest.model.event.Outcome;
import io.nextbest.model.event.TrackerEvent;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class JsonSerdeTest {

    static Stream<Arguments> everyRecordType() {
        return Stream.of(
                Arguments.of(TrackerEvent.class, Samples.addToCart()),
                Arguments.of(Outcome.class, Samples.click()),
                Arguments.of(DecisionRecord.class, Samples.decision()),
                Arguments.of(DecisionTrace.class, Samples.trace()),
                Arguments.of(CreditLedgerEntry.class, Samples.topUp()),
                Arguments.of(CreditLedgerEntry.class, Samples.charge()),
                Arguments.of(CatalogChange.class, Samples.offerUpsert()),
                Arguments.of(CreditBalance.class, new CreditBalance(100, 30, Samples.AT)));
    }

    @ParameterizedTest
    @MethodSource("everyRecordType")
    <T> void everyRecordRoundTripsUnchanged(Class<T> type, T sample) {
        JsonSerde<T> serde = new JsonSerde<>(type);

        byte[] bytes = serde.serializer().serialize("t", sample);

        assertThat(serde.deserializer().deserialize("t", bytes)).isEqualTo(sample);
    }

    @Test
    void nullPassesThroughAsTombstone() {
        JsonSerde<CatalogChange> serde = new JsonSerde<>(CatalogChange.class);

        assertThat(serde.serializer().serialize("t", null)).isNull();
        assertThat(serde.deserializer().deserialize("t", null)).isNull();
    }

    @Test
    void unknownFieldsAreIgnored() {
        String json = "{\"type\":\"top_up\",\"entryId\":\"e-1\",\"projectId\":\"p1\",\"amount\":5,"
                + "\"timestamp\":\"2026-11-23T10:15:30Z\",\"addedInAFutureVersion\":{\"x\":[1,2]}}";

        CreditLedgerEntry entry = new JsonSerde<>(CreditLedgerEntry.class).fromBytes(json.getBytes(StandardCharsets.UTF_8));

        assertThat(entry).isInstanceOf(CreditLedgerEntry.TopUp.class);
        assertThat(entry.amount()).isEqualTo(5);
    }

    @Test
    void aDecisionRecordWrittenBeforeTheTraceSplitStillReads() {
        String json = "{\"recommendationId\":\"rec-1\",\"tenantId\":\"coffee\",\"customerId\":\"c-1\","
                + "\"degradedScoring\":false,\"decisions\":[],\"candidates\":[{\"offerId\":\"o-1\",\"score\":0.9}],\"timestamp\":\"2026-11-23T10:15:30Z\"}";

        DecisionRecord record = new JsonSerde<>(DecisionRecord.class).fromBytes(json.getBytes(StandardCharsets.UTF_8));

        assertThat(record.recommendationId()).isEqualTo("rec-1");
        assertThat(record.customerId()).isEqualTo("c-1");
    }

    @Test
    void badBytesRaiseKafkaSerializationException() {
        JsonSerde<Outcome> serde = new JsonSerde<>(Outcome.class);

        assertThatThrownBy(() -> serde.fromBytes("{not json".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("Outcome");
    }

    @Test
    void recordThatBreaksItsInvariantIsRejectedAsSerializationException() {
        String withoutCustomer = "{\"interactionId\":\"2ed6657d-e927-568b-95e1-2665a8aea6a2\",\"tenantId\":\"t1\",\"outcome\":\"click\"}";

        assertThatThrownBy(() -> new JsonSerde<>(Outcome.class).fromBytes(withoutCustomer.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("customerId");
    }

    @Test
    void unknownEnumValueIsRejectedNamingTheValue() {
        String json = new String(new JsonSerde<>(TrackerEvent.class).toBytes(Samples.addToCart()), StandardCharsets.UTF_8)
                .replace("\"add_to_cart\"", "\"teleport\"");

        assertThatThrownBy(() -> new JsonSerde<>(TrackerEvent.class).fromBytes(json.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("teleport");
    }

    @Test
    void trackerEventUsesThePersonalizationApiFieldNames() {
        String json = new String(new JsonSerde<>(TrackerEvent.class).toBytes(Samples.addToCart()), StandardCharsets.UTF_8);

        assertThat(json).contains("\"kainic_pid\":\"coffee-demo\"", "\"kainic_tid\":\"trk-web\"", "\"anon_uid\":\"anon-42\"",
                "\"sid\":\"sess-9\"", "\"platform\":\"web\"", "\"event_type\":\"add_to_cart\"", "\"item_id\":\"sku-1-m\"",
                "\"timestamp\":\"2026-11-23T10:15:30.123Z\"");
    }

    @Test
    void outcomeUsesTheDecisioningApiFieldNames() {
        String json = new String(new JsonSerde<>(Outcome.class).toBytes(Samples.click()), StandardCharsets.UTF_8);

        assertThat(json).contains("\"interactionId\":", "\"customerId\":\"SBX-000100\"", "\"recommendationId\":\"rec-1\"",
                "\"classification\":\"positive\"", "\"direction\":\"inbound\"", "\"idempotencyKey\":");
    }
}
