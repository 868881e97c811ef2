package io.nextbest.model.topic;

import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A serde that is one pair of functions, value to bytes and back, whatever the topic: the JSON of
 * the published topics and the binary layouts of the Streams apps' own stores both are, so the
 * serializer and deserializer Kafka asks for are derived here once.
 */
public interface BytesSerde<T> extends Serde<T> {

    /** The value's bytes; null (a tombstone) for null. */
    byte[] toBytes(T value);

    /** The value the bytes hold; null for null. */
    T fromBytes(byte[] bytes);

    @Override
    default Serializer<T> serializer() {
        return (topic, value) -> toBytes(value);
    }

    @Override
    default Deserializer<T> deserializer() {
        return (topic, bytes) -> fromBytes(bytes);
    }
}
