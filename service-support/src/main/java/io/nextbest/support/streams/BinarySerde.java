package io.nextbest.support.streams;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import io.nextbest.model.json.JsonSerde;
import io.nextbest.model.topic.BytesSerde;
import org.apache.kafka.common.errors.SerializationException;

/**
 * A compact binary serde for values only one Streams app reads and writes — its state stores (and
 * their changelogs) and its repartition topics — where JSON parsing was a third of feedback's
 * stream thread and over half of ingest's read-model thread (README "Feedback topology",
 * "Respond"). Published topics stay JSON. This class is the framing; each app keeps the layouts of
 * its own values ({@code FeedbackSerdes}, {@code RecentDecisionsSerde}) as a {@link Writer} and
 * {@link Reader} over {@link Out} and {@link In} with the field helpers below.
 * <p>
 * Each value starts with a format byte so a later layout can be told apart; a null passes through
 * (a tombstone); bad bytes raise Kafka's {@link SerializationException} like {@code JsonSerde}, so
 * the deserialization handler and the dead-letter topic see them. A value that starts with '{' is
 * the JSON these stores and topics held before, and is read as such: an app upgraded in place
 * keeps its state and rewrites each value in the binary layout at its next update.
 */
public final class BinarySerde<T> implements BytesSerde<T> {

    /**
     * The first binary layout of every value. A serde whose layout changed later writes a higher
     * format ({@link #of(Class, int, Writer, Reader)}) and still reads every format from this one
     * up, its reader asking {@link In#format()} where the layouts differ.
     */
    public static final byte FORMAT = 1;

    public interface Writer<T> {
        void write(Out out, T value);
    }

    public interface Reader<T> {
        T read(In in);
    }

    private final String name;
    private final Writer<T> writer;
    private final Reader<T> reader;
    private final Function<byte[], T> earlierJson;
    private final byte format;
    // The size of the last value written: a store's values are alike in size, and starting the buffer
    // there spares the doublings (a customer's recent decisions are ~8 KB, six doublings from 128 bytes).
    // Racy on purpose: any value is a valid hint.
    private int sizeHint = Out.INITIAL_SIZE;

    public BinarySerde(String name, Writer<T> writer, Reader<T> reader, Function<byte[], T> earlierJson) {
        this(name, FORMAT, writer, reader, earlierJson);
    }

    /** A serde writing {@code format} and reading every format from {@link #FORMAT} up to it. */
    public BinarySerde(String name, int format, Writer<T> writer, Reader<T> reader, Function<byte[], T> earlierJson) {
        if (format < FORMAT || format > Byte.MAX_VALUE || format == '{') {
            throw new IllegalArgumentException("bad format " + format);
        }
        this.format = (byte) format;
        this.name = name;
        this.writer = writer;
        this.reader = reader;
        this.earlierJson = earlierJson;
    }

    /** A serde whose values were earlier written as JSON of {@code type} itself. */
    public static <T> BinarySerde<T> of(Class<T> type, Writer<T> writer, Reader<T> reader) {
        return of(type, FORMAT, writer, reader);
    }

    /** Like {@link #of(Class, Writer, Reader)}, writing {@code format}. */
    public static <T> BinarySerde<T> of(Class<T> type, int format, Writer<T> writer, Reader<T> reader) {
        return new BinarySerde<>(type.getSimpleName(), format, writer, reader, new JsonSerde<>(type)::fromBytes);
    }

    /** The format this serde writes. */
    public byte format() {
        return format;
    }

    @Override
    public byte[] toBytes(T value) {
        if (value == null) {
            return null;
        }
        Out out = new Out(sizeHint);
        try {
            out.writeByte(format);
            writer.write(out, value);
        } catch (RuntimeException e) {
            throw new SerializationException("cannot write " + name + ": " + e.getMessage(), e);
        }
        sizeHint = Math.max(Out.INITIAL_SIZE, out.size);
        return out.toByteArray();
    }

    @Override
    public T fromBytes(byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        if (bytes.length > 0 && bytes[0] == '{') {
            return earlierJson.apply(bytes);
        }
        return reading(name, () -> {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            byte written = buffer.get();
            if (written < FORMAT || written > format) {
                throw new IllegalArgumentException("unknown format " + written);
            }
            return readToEnd(new In(buffer, written), reader);
        });
    }

    /**
     * A part of a value its layout kept as bytes ({@link In#readBytes}), read when it is needed, or
     * any bytes written without the leading format byte (a store key): all of {@code bytes} in
     * {@code format}, with the checks and errors of {@link #fromBytes}.
     */
    public static <T> T readPart(String name, byte[] bytes, int format, Reader<T> reader) {
        return reading(name, () -> readToEnd(new In(ByteBuffer.wrap(bytes), (byte) format), reader));
    }

    private static <T> T readToEnd(In in, Reader<T> reader) {
        T value = reader.read(in);
        if (in.available() > 0) {
            throw new IllegalArgumentException(in.available() + " bytes left over");
        }
        return value;
    }

    private static <T> T reading(String name, Supplier<T> read) {
        try {
            return read.get();
        } catch (BufferUnderflowException e) {
            throw new SerializationException("cannot read " + name + ": truncated", e);
        } catch (RuntimeException e) {
            throw new SerializationException("cannot read " + name + ": " + e.getMessage(), e);
        }
    }

    // Field helpers. Strings are length-prefixed UTF-8; length -1 is null.

    public static void writeString(Out out, String value) {
        if (value == null) {
            out.writeInt(-1);
            return;
        }
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    public static String readString(In in) {
        int length = in.readInt();
        if (length == -1) {
            return null;
        }
        if (length < 0 || length > in.available()) {
            throw new IllegalArgumentException("bad string length " + length);
        }
        return in.readUtf8(length);
    }

    public static void writeInstant(Out out, Instant value) {
        out.writeBoolean(value != null);
        if (value != null) {
            out.writeLong(value.getEpochSecond());
            out.writeInt(value.getNano());
        }
    }

    public static Instant readInstant(In in) {
        return in.readBoolean() ? Instant.ofEpochSecond(in.readLong(), in.readInt()) : null;
    }

    public static <E extends Enum<E>> void writeEnum(Out out, E value) {
        writeString(out, value == null ? null : value.name());
    }

    public static <E extends Enum<E>> E readEnum(In in, Class<E> type) {
        String name = readString(in);
        return name == null ? null : Enum.valueOf(type, name);
    }

    /** A list or map size, checked against what is left so bad bytes cannot ask for a huge allocation. */
    public static int readSize(In in) {
        int size = in.readInt();
        if (size < 0 || size > in.available()) {
            throw new IllegalArgumentException("bad size " + size);
        }
        return size;
    }

    /** A list as its size, then each element. */
    public static <E> void writeList(Out out, List<E> values, Writer<E> element) {
        out.writeInt(values.size());
        for (E value : values) {
            element.write(out, value);
        }
    }

    /** What {@link #writeList} wrote, as a mutable list in the order written. */
    public static <E> List<E> readList(In in, Reader<E> element) {
        int size = readSize(in);
        List<E> values = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            values.add(element.read(in));
        }
        return values;
    }

    /** A growable big-endian buffer; unlike DataOutputStream over ByteArrayOutputStream, no lock per write. */
    public static final class Out {

        static final int INITIAL_SIZE = 128;

        private byte[] bytes;
        private int size;

        public Out() {
            this(INITIAL_SIZE);
        }

        /** A buffer starting at {@code capacity} bytes, for a writer that knows about how much it writes. */
        public Out(int capacity) {
            bytes = new byte[Math.max(16, capacity)];
        }

        public void writeByte(int value) {
            ensure(1);
            bytes[size++] = (byte) value;
        }

        public void writeBoolean(boolean value) {
            writeByte(value ? 1 : 0);
        }

        public void writeInt(int value) {
            ensure(4);
            for (int shift = 24; shift >= 0; shift -= 8) {
                bytes[size++] = (byte) (value >>> shift);
            }
        }

        public void writeLong(long value) {
            ensure(8);
            for (int shift = 56; shift >= 0; shift -= 8) {
                bytes[size++] = (byte) (value >>> shift);
            }
        }

        public void writeDouble(double value) {
            writeLong(Double.doubleToLongBits(value));
        }

        public void write(byte[] values) {
            ensure(values.length);
            System.arraycopy(values, 0, bytes, size, values.length);
            size += values.length;
        }

        public byte[] toByteArray() {
            return Arrays.copyOf(bytes, size);
        }

        private void ensure(int more) {
            if (size + more > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
            }
        }
    }

    /** Reads what {@link Out} wrote; running past the end raises {@link BufferUnderflowException}. */
    public static final class In {

        private final ByteBuffer buffer;
        private final byte format;

        public In(ByteBuffer buffer, byte format) {
            this.buffer = buffer;
            this.format = format;
        }

        /** The format the value was written in, for a reader whose layout changed between formats. */
        public byte format() {
            return format;
        }

        public byte readByte() {
            return buffer.get();
        }

        public boolean readBoolean() {
            byte value = buffer.get();
            if (value != 0 && value != 1) {
                throw new IllegalArgumentException("bad boolean " + value);
            }
            return value == 1;
        }

        public int readInt() {
            return buffer.getInt();
        }

        public long readLong() {
            return buffer.getLong();
        }

        public double readDouble() {
            return Double.longBitsToDouble(buffer.getLong());
        }

        public String readUtf8(int length) {
            String value = new String(buffer.array(), buffer.arrayOffset() + buffer.position(), length, StandardCharsets.UTF_8);
            buffer.position(buffer.position() + length);
            return value;
        }

        /** The next {@code length} bytes as their own array, for a layout that keeps part of a value undecoded. */
        public byte[] readBytes(int length) {
            byte[] value = new byte[length];
            buffer.get(value);
            return value;
        }

        public int available() {
            return buffer.remaining();
        }
    }
}
