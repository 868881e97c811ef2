package io.nextbest.model.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nextbest.model.topic.KeySerdes;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class TenantKeyTest {

    @Test
    void wireFormIsTenantColonIdAndParsesBack() {
        TenantKey key = TenantKey.of("coffee-demo", "SBX-000100");

        assertThat(key.wireForm()).isEqualTo("coffee-demo:SBX-000100");
        assertThat(TenantKey.parse(key.wireForm())).isEqualTo(key);
    }

    @Test
    void idMayContainTheSeparator() {
        TenantKey key = TenantKey.of("t1", "urn:customer:7");

        assertThat(TenantKey.parse(key.wireForm())).isEqualTo(key);
    }

    @Test
    void tenantIdsRejectSeparatorBlankAndOverlongValues() {
        assertThatThrownBy(() -> new TenantId("a:b")).hasMessageContaining("a:b");
        assertThatThrownBy(() -> new TenantId(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TenantId("x".repeat(65))).isInstanceOf(IllegalArgumentException.class);
    }

    // The hand-written check accepts exactly what the pattern [A-Za-z0-9][A-Za-z0-9._-]{0,63} does.
    @Test
    void tenantIdsFollowTheirPatternToTheCharacter() {
        java.util.regex.Pattern format = java.util.regex.Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
        for (String value : java.util.List.of("a", "Z9", "coffee-demo", "t.1_x-Y", "x".repeat(64), "x".repeat(65), "", "-a", ".a", "_a",
                "a b", "a:b", "a/b", "é", "aé", "a\n", "0", "9-")) {
            boolean accepted;
            try {
                new TenantId(value);
                accepted = true;
            } catch (IllegalArgumentException e) {
                accepted = false;
            }
            assertThat(accepted).as(value).isEqualTo(format.matcher(value).matches());
        }
        assertThatThrownBy(() -> new TenantId(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void blankEntityIdIsRejected() {
        assertThatThrownBy(() -> TenantKey.of("t1", "")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void keySerdeRoundTripsAndRejectsMalformedBytes() {
        var serde = KeySerdes.tenantKey();
        TenantKey key = TenantKey.of("t1", "c1");

        byte[] bytes = serde.serializer().serialize("outcomes", key);

        assertThat(new String(bytes, java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("t1:c1");
        assertThat(serde.deserializer().deserialize("outcomes", bytes)).isEqualTo(key);
        assertThatThrownBy(() -> serde.deserializer().deserialize("outcomes", "no-separator".getBytes()))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("outcomes");
    }
}
