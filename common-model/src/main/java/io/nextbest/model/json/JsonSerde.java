package io.nextbest.model.json;

import io.nextbest.model.topic.BytesSerde;
import org.apache.kafka.common.errors.SerializationException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Kafka serde for any record type, for plain clients and Kafka Streams alike. A {@code null}
 * passes through both ways because a null value is a tombstone on compacted topics; bad bytes
 * raise Kafka's {@link SerializationException} so the configured deserialization handler (and
 * with it the dead-letter topic) sees them.
 */
public final class JsonSerde<T> implements BytesSerde<T> {

    private final Class<T> type;
    private final ObjectReader reader;
    private final ObjectWriter writer;

    public JsonSerde(Class<T> type) {
        this(type, Json.mapper());
    }

    /**
     * A serde with its own mapping, for a consumer that reads only part of a record: {@code mapper}
     * should be {@link Json#mapper()} rebuilt with mix-ins, so the wire format stays the same.
     */
    public JsonSerde(Class<T> type, JsonMapper mapper) {
        this.type = type;
        this.reader = mapper.readerFor(type);
        this.writer = mapper.writerFor(type);
    }

    public Class<T> type() {
        return type;
    }

    @Override
    public byte[] toBytes(T value) {
        if (value == null) {
            return null;
        }
        try {
            return writer.writeValueAsBytes(value);
        } catch (JacksonException e) {
            throw new SerializationException("cannot write " + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
    }

    @Override
    public T fromBytes(byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        try {
            return reader.readValue(bytes);
        } catch (JacksonException | IllegalArgumentException e) {
            throw new SerializationException("cannot read " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }
}
