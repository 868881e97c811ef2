package io.nextbest.model.topic;

import io.nextbest.model.tenant.TenantId;
import io.nextbest.model.tenant.TenantKey;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Serdes for topic keys. Keys are plain UTF-8 strings ({@code tenant:id}) rather than JSON so that
 * the partitioner hashes a canonical byte form and so that console tools show readable keys.
 */
public final class KeySerdes {

    private KeySerdes() {
    }

    public static Serde<TenantKey> tenantKey() {
        return stringBacked(TenantKey::wireForm, TenantKey::parse);
    }

    public static Serde<TenantId> tenantId() {
        return stringBacked(TenantId::value, TenantId::new);
    }

    private static <K> Serde<K> stringBacked(Function<K, String> write, Function<String, K> read) {
        Serializer<K> serializer = (topic, key) -> key == null ? null : write.apply(key).getBytes(StandardCharsets.UTF_8);
        Deserializer<K> deserializer = (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            try {
                return read.apply(new String(bytes, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                throw new SerializationException("bad key on " + topic + ": " + e.getMessage(), e);
            }
        };
        return Serdes.serdeFrom(serializer, deserializer);
    }
}
