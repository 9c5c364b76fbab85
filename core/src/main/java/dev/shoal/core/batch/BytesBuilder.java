package dev.shoal.core.batch;

import dev.shoal.core.type.DataType;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

public final class BytesBuilder extends VectorBuilder {
    private byte[] data;
    private int[] offsets;
    private int dataSize;

    BytesBuilder(DataType type, int capacity) {
        super(type, capacity);
        offsets = new int[Math.max(capacity, 1) + 1];
        // Room for short strings up front: growing from a few bytes copied the data many times.
        data = new byte[Math.max(64, Math.min(capacity * 8, 1 << 20))];
    }

    public void append(byte[] bytes, int offset, int length) {
        ensureCapacity(size + 1);
        markNotNull();
        if (dataSize + length > data.length) {
            data = Arrays.copyOf(data, grow(data.length, dataSize + length));
        }
        System.arraycopy(bytes, offset, data, dataSize, length);
        dataSize += length;
        offsets[++size] = dataSize;
    }

    public void append(byte[] bytes) {
        append(bytes, 0, bytes.length);
    }

    /**
     * Appends {@code count} values, none NULL, the i-th being {@code lengths[i]} bytes of
     * {@code source} from {@code starts[i]}; {@code totalLength} is their sum, so the data grows once.
     */
    public void appendSlices(byte[] source, int[] starts, int[] lengths, int count, int totalLength) {
        if (dataSize + totalLength > data.length) {
            data = Arrays.copyOf(data, grow(data.length, dataSize + totalLength));
        }
        reserveNotNull(count);
        for (int i = 0; i < count; i++) {
            System.arraycopy(source, starts[i], data, dataSize, lengths[i]);
            dataSize += lengths[i];
            offsets[++size] = dataSize;
        }
    }

    /** Appends {@code dictionary[ids[i]]} for i in 0 .. count-1, none NULL: sized once, then copied. */
    public void appendGathered(byte[][] dictionary, int[] ids, int count) {
        long total = dataSize;
        for (int i = 0; i < count; i++) {
            total += dictionary[ids[i]].length;
        }
        if (total > data.length) {
            data = Arrays.copyOf(data, grow(data.length, Math.toIntExact(total)));
        }
        reserveNotNull(count);
        for (int i = 0; i < count; i++) {
            byte[] value = dictionary[ids[i]];
            System.arraycopy(value, 0, data, dataSize, value.length);
            dataSize += value.length;
            offsets[++size] = dataSize;
        }
    }

    /**
     * Appends {@code count} values: NULL where {@code definitions[i] != defined}, the others
     * {@code dictionary[ids[0 ..]]} in order. Sized once, then copied.
     */
    public void appendGatheredSpread(byte[][] dictionary, int[] ids, int[] definitions, int defined, int count) {
        int present = 0;
        long total = dataSize;
        for (int i = 0; i < count; i++) {
            if (definitions[i] == defined) {
                total += dictionary[ids[present++]].length;
            }
        }
        if (total > data.length) {
            data = Arrays.copyOf(data, grow(data.length, Math.toIntExact(total)));
        }
        boolean[] isNull = reserveWithNulls(count);
        int next = 0;
        for (int i = 0; i < count; i++) {
            if (definitions[i] == defined) {
                byte[] value = dictionary[ids[next++]];
                System.arraycopy(value, 0, data, dataSize, value.length);
                dataSize += value.length;
                isNull[size] = false;
            } else {
                isNull[size] = true;
            }
            offsets[++size] = dataSize;
        }
    }

    @Override
    protected void appendNonNull(Object value) {
        append(((String) value).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void appendFrom(ColumnVector source, int position) {
        if (source.isNull(position)) {
            appendNull();
        } else {
            VarcharVector v = (VarcharVector) source;
            append(v.data(), v.start(position), v.length(position));
        }
    }

    @Override
    protected void appendDefault() {
        offsets[size + 1] = dataSize;
        size++;
    }

    @Override
    protected void ensureCapacity(int needed) {
        if (needed + 1 > offsets.length) {
            offsets = Arrays.copyOf(offsets, grow(offsets.length, needed + 1));
        }
    }

    @Override
    protected int capacity() {
        return offsets.length - 1;
    }

    @Override
    public VarcharVector build() {
        return new VarcharVector(data, offsets, finishNulls(), size);
    }
}
