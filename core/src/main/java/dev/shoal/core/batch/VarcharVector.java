package dev.shoal.core.batch;

import dev.shoal.core.type.DataType;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * VARCHAR values as UTF-8 bytes: value {@code i} is {@code data[offsets[i] .. offsets[i+1])}.
 * Comparisons work on the bytes: UTF-8 byte order equals code point order.
 */
public final class VarcharVector implements ColumnVector {
    private final byte[] data;
    private final int[] offsets;
    private final boolean[] nulls;
    private final int size;

    public VarcharVector(byte[] data, int[] offsets, boolean[] nulls, int size) {
        this.data = data;
        this.offsets = offsets;
        this.nulls = nulls;
        this.size = size;
    }

    @Override
    public DataType type() {
        return DataType.VARCHAR;
    }

    /** Its own bytes of the data array: slices of one vector share that array, and each counts its part. */
    @Override
    public long retainedBytes() {
        return ColumnVector.overhead(2) + (offsets[size] - offsets[0]) + 4L * offsets.length + ColumnVector.nullsBytes(nulls);
    }

    @Override
    public int size() {
        return size;
    }

    public byte[] data() {
        return data;
    }

    public int[] offsets() {
        return offsets;
    }

    public int start(int position) {
        return offsets[position];
    }

    public int length(int position) {
        return offsets[position + 1] - offsets[position];
    }

    @Override
    public boolean[] nulls() {
        return nulls;
    }

    @Override
    public boolean isNull(int position) {
        return nulls != null && nulls[position];
    }

    public String getString(int position) {
        return new String(data, offsets[position], length(position), StandardCharsets.UTF_8);
    }

    public byte[] getBytes(int position) {
        return Arrays.copyOfRange(data, offsets[position], offsets[position + 1]);
    }

    public boolean equalsBytes(int position, byte[] other) {
        return Arrays.equals(data, offsets[position], offsets[position + 1], other, 0, other.length);
    }

    public boolean equals(int position, VarcharVector other, int otherPosition) {
        return Arrays.equals(data, offsets[position], offsets[position + 1],
                other.data, other.offsets[otherPosition], other.offsets[otherPosition + 1]);
    }

    /** Unsigned byte-wise comparison, which is code point order for UTF-8. */
    public int compare(int position, VarcharVector other, int otherPosition) {
        return Arrays.compareUnsigned(data, offsets[position], offsets[position + 1],
                other.data, other.offsets[otherPosition], other.offsets[otherPosition + 1]);
    }

    public int compareBytes(int position, byte[] other) {
        return Arrays.compareUnsigned(data, offsets[position], offsets[position + 1], other, 0, other.length);
    }

    @Override
    public VarcharVector take(int[] positions, int count) {
        int total = 0;
        for (int i = 0; i < count; i++) {
            total += length(positions[i]);
        }
        byte[] out = new byte[total];
        int[] outOffsets = new int[count + 1];
        int at = 0;
        for (int i = 0; i < count; i++) {
            int p = positions[i];
            int len = offsets[p + 1] - offsets[p];
            System.arraycopy(data, offsets[p], out, at, len);
            at += len;
            outOffsets[i + 1] = at;
        }
        return new VarcharVector(out, outOffsets, ColumnVector.takeNulls(nulls, positions, count), count);
    }

    /** Shares the bytes; only the offsets are copied (they may start past zero). */
    @Override
    public VarcharVector slice(int from, int count) {
        return new VarcharVector(data, Arrays.copyOfRange(offsets, from, from + count + 1),
                ColumnVector.sliceNulls(nulls, from, count), count);
    }

    @Override
    public Object valueAt(int position) {
        return isNull(position) ? null : getString(position);
    }
}
