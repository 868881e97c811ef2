package io.nextbest.model.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nextbest.model.event.CreditLedgerEntry;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class CreditLedgerHierarchyTest {

    private final JsonSerde<CreditLedgerEntry> serde = new JsonSerde<>(CreditLedgerEntry.class);

    @Test
    void everyPermittedSubtypeHasAWireNameAndRoundTrips() {
        Map<Class<?>, CreditLedgerEntry> samples = Map.of(
                CreditLedgerEntry.TopUp.class, Samples.topUp(),
                CreditLedgerEntry.Charge.class, Samples.charge());
        Map<Class<?>, String> wireNames = Arrays.stream(CreditLedgerEntry.Type.values())
                .collect(Collectors.toMap(CreditLedgerEntry.Type::recordClass, CreditLedgerEntry.Type::wireName));

        for (Class<?> subtype : CreditLedgerEntry.class.getPermittedSubclasses()) {
            assertThat(wireNames).as("wire name of %s", subtype.getSimpleName()).containsKey(subtype);
            CreditLedgerEntry sample = samples.get(subtype);
            assertThat(sample).as("sample of %s", subtype.getSimpleName()).isNotNull();

            String json = new String(serde.toBytes(sample), StandardCharsets.UTF_8);

            assertThat(json).contains("\"type\":\"" + wireNames.get(subtype) + "\"");
            assertThat(serde.fromBytes(json.getBytes(StandardCharsets.UTF_8))).isEqualTo(sample);
        }
    }

    @Test
    void unknownTypeIsRejectedNamingTheValue() {
        byte[] json = "{\"type\":\"refund\",\"entryId\":\"e\",\"projectId\":\"p\",\"amount\":1}".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> serde.fromBytes(json)).isInstanceOf(SerializationException.class).hasMessageContaining("refund");
    }

    @Test
    void nonPositiveAmountsAreRejected() {
        assertThatThrownBy(() -> new CreditLedgerEntry.Charge("c", Samples.COFFEE, 0, CreditLedgerEntry.ChargeReason.PREDICTION, Samples.AT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("positive");
    }

    @Test
    void discriminatorEnumCoversExactlyThePermittedSubtypes() {
        assertThat(Arrays.stream(CreditLedgerEntry.Type.values()).<Class<?>>map(CreditLedgerEntry.Type::recordClass))
                .containsExactlyInAnyOrder(CreditLedgerEntry.class.getPermittedSubclasses());
        assertThat(Arrays.stream(CreditLedgerEntry.Type.values()).map(CreditLedgerEntry.Type::wireName).distinct())
                .hasSize(CreditLedgerEntry.Type.values().length);
    }
}
