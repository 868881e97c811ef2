package io.nextbest.feedback;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A compact binary serde for values only this app reads and writes — its state stores (and their
 * changelogs) and its repartition topics — where JSON parsing was about a third of the stream
 * thread (README "Feedback topology", throughput). Published topics stay JSON. Each value starts
 * with a format byte so a later layout can be told apart; a null passes through (a tombstone);
 * bad bytes raise Kafka's {@link SerializationException} like {@code JsonSerde}, so the
 * deserialization handler and the dead-letter topic see them.
 */
final class BinarySerde<T> implements Serde<T> {

    /** The first byte of every value: the layout of {@link FeedbackSerdes} as of this release. */
    static final byte FORMAT = 1;

    interface Writer<T> {
        void write(DataOutputStream out, T value) throws IOException;
    }

    interface Reader<T> {
        T read(DataInputStream in) throws IOException;
    }

    private final String name;
    private final Writer<T> writer;
    private final Reader<T> reader;

    BinarySerde(String name, Writer<T> writer, Reader<T> reader) {
        this.name = name;
        this.writer = writer;
        this.reader = reader;
    }

    byte[] toBytes(T value) {
        if (value == null) {
            return null;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(FORMAT);
            writer.write(out, value);
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("cannot write " + name + ": " + e.getMessage(), e);
        }
        return bytes.toByteArray();
    }

    T fromBytes(byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            byte format = in.readByte();
            if (format != FORMAT) {
                throw new IOException("unknown format " + format);
            }
            T value = reader.read(in);
            if (in.available() > 0) {
                throw new IOException(in.available() + " bytes left over");
            }
            return value;
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("cannot read " + name + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Serializer<T> serializer() {
        return (topic, value) -> toBytes(value);
    }

    @Override
    public Deserializer<T> deserializer() {
        return (topic, bytes) -> fromBytes(bytes);
    }

    // Field helpers. Strings are length-prefixed UTF-8 (no 64 KB limit as with writeUTF); -1 is null.

    static void writeString(DataOutputStream out, String value) throws IOException {
        if (value == null) {
            out.writeInt(-1);
            return;
        }
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    static String readString(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length == -1) {
            return null;
        }
        if (length < 0 || length > in.available()) {
            throw new IOException("bad string length " + length);
        }
        byte[] utf8 = new byte[length];
        in.readFully(utf8);
        return new String(utf8, StandardCharsets.UTF_8);
    }

    static void writeInstant(DataOutputStream out, Instant value) throws IOException {
        out.writeBoolean(value != null);
        if (value != null) {
            out.writeLong(value.getEpochSecond());
            out.writeInt(value.getNano());
        }
    }

    static Instant readInstant(DataInputStream in) throws IOException {
        return in.readBoolean() ? Instant.ofEpochSecond(in.readLong(), in.readInt()) : null;
    }

    static <E extends Enum<E>> void writeEnum(DataOutputStream out, E value) throws IOException {
        writeString(out, value == null ? null : value.name());
    }

    static <E extends Enum<E>> E readEnum(DataInputStream in, Class<E> type) throws IOException {
        String name = readString(in);
        return name == null ? null : Enum.valueOf(type, name);
    }

    /** A list or map size, checked against what is left so bad bytes cannot ask for a huge allocation. */
    static int readSize(DataInputStream in) throws IOException {
        int size = in.readInt();
        if (size < 0 || size > in.available()) {
            throw new IOException("bad size " + size);
        }
        return size;
    }
}
