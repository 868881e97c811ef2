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
