package dev.shoal.exec.aggregate;

import dev.shoal.core.batch.BooleanVector;
import dev.shoal.core.batch.BooleansBuilder;
import dev.shoal.core.batch.BytesBuilder;
import dev.shoal.core.batch.ColumnVector;
import dev.shoal.core.batch.DoubleVector;
import dev.shoal.core.batch.DoublesBuilder;
import dev.shoal.core.batch.Int128Vector;
import dev.shoal.core.batch.LongVector;
import dev.shoal.core.batch.LongsBuilder;
import dev.shoal.core.batch.VarcharVector;
import dev.shoal.core.batch.VectorBuilder;
import dev.shoal.core.type.DataType;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A batch's group keys as bytes, one run per row ({@link #start}, {@link #end}), with each row's
 * hash: what {@link EncodedGroupByHash} compares with the keys it holds. The runs are written
 * column by column, so each column's type is looked at once per batch, not once per value.
 *
 * <p>Per key: a tag byte (0 NULL, 1 a value of up to 64 bits, 2 a 128-bit decimal), then the value:
 * 8 bytes for integers, short decimals and doubles, 16 for wide decimals, 1 for booleans, and a
 * 4-byte length and the bytes for strings.
 */
final class EncodedKeys {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INTS = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final byte NULL = 0;
    private static final byte VALUE = 1;
    private static final byte WIDE = 2;

    private byte[] bytes = new byte[0];
    private int[] offsets = new int[1];
    private int[] cursors = new int[0];
    private long[] hashes = new long[0];

    /** Encodes rows {@code 0 .. rows-1} of {@code keys}, replacing what was encoded before. */
    void encode(ColumnVector[] keys, int rows) {
        if (offsets.length < rows + 1) {
            offsets = new int[rows + 1];
            cursors = new int[rows];
            hashes = new long[rows];
        }
        Arrays.fill(offsets, 0, rows + 1, 0);
        for (ColumnVector key : keys) {
            addSizes(key, rows);
        }
        // Sizes to start offsets: offsets[r + 1] is where row r ends.
        for (int r = 0; r < rows; r++) {
            offsets[r + 1] += offsets[r];
        }
        if (bytes.length < offsets[rows]) {
            bytes = new byte[Math.max(offsets[rows], bytes.length * 2)];
        }
        System.arraycopy(offsets, 0, cursors, 0, rows);
        for (ColumnVector key : keys) {
            write(key, rows);
        }
        for (int r = 0; r < rows; r++) {
            hashes[r] = BytesHash.of(bytes, offsets[r], offsets[r + 1] - offsets[r]);
        }
    }

    /** Its scratch arrays, sized for the largest batch so far. */
    long retainedBytes() {
        return bytes.length + 4L * offsets.length + 4L * cursors.length + 8L * hashes.length;
    }

    byte[] bytes() {
        return bytes;
    }

    int start(int row) {
        return offsets[row];
    }

    int end(int row) {
        return offsets[row + 1];
    }

    long hash(int row) {
        return hashes[row];
    }

    /** Adds each row's encoded size of {@code key} to {@code offsets[row + 1]}. */
    private void addSizes(ColumnVector key, int rows) {
        boolean[] nulls = key.nulls();
        int[] sizes = offsets;
        if (key instanceof VarcharVector strings) {
            for (int r = 0; r < rows; r++) {
                sizes[r + 1] += nulls != null && nulls[r] ? 1 : 5 + strings.length(r);
            }
        } else if (key instanceof Int128Vector wide) {
            long[] high = wide.high();
            long[] low = wide.low();
            for (int r = 0; r < rows; r++) {
                sizes[r + 1] += nulls != null && nulls[r] ? 1 : Int128Vector.fitsInLong(high[r], low[r]) ? 9 : 17;
            }
        } else {
            addFixed(nulls, rows, key instanceof BooleanVector ? 2 : 9);
        }
    }

    private void addFixed(boolean[] nulls, int rows, int size) {
        int[] sizes = offsets;
        if (nulls == null) {
            for (int r = 0; r < rows; r++) {
                sizes[r + 1] += size;
            }
        } else {
            for (int r = 0; r < rows; r++) {
                sizes[r + 1] += nulls[r] ? 1 : size;
            }
        }
    }

    /** Appends each row's encoding of {@code key} at its cursor. */
    private void write(ColumnVector key, int rows) {
        boolean[] nulls = key.nulls();
        byte[] out = bytes;
        int[] at = cursors;
        if (key instanceof LongVector longs) {
            long[] values = longs.values();
            for (int r = 0; r < rows; r++) {
                at[r] = nulls != null && nulls[r] ? putNull(out, at[r]) : putLong(out, at[r], values[r]);
            }
        } else if (key instanceof DoubleVector doubles) {
                double[] values = doubles.values();
                for (int r = 0; r < rows; r++) {
                    // -0.0 and 0.0 are one group; every NaN is one group.
                    double d = values[r];
                    at[r] = nulls != null && nulls[r] ? putNull(out, at[r]) : putLong(out, at[r], d == 0.0 ? 0L : Double.doubleToLongBits(d));
                }
        } else if (key instanceof Int128Vector wide) {
                long[] high = wide.high();
                long[] low = wide.low();
                for (int r = 0; r < rows; r++) {
                    if (nulls != null && nulls[r]) {
                        at[r] = putNull(out, at[r]);
                    } else if (Int128Vector.fitsInLong(high[r], low[r])) {
                        // A wide value that fits in a long encodes as in a LongVector.
                        at[r] = putLong(out, at[r], low[r]);
                    } else {
                        int p = at[r];
                        out[p] = WIDE;
                        LONGS.set(out, p + 1, high[r]);
                        LONGS.set(out, p + 9, low[r]);
                        at[r] = p + 17;
                    }
                }
        } else if (key instanceof BooleanVector booleans) {
                for (int r = 0; r < rows; r++) {
                    if (nulls != null && nulls[r]) {
                        at[r] = putNull(out, at[r]);
                    } else {
                        out[at[r]] = VALUE;
                        out[at[r] + 1] = (byte) (booleans.get(r) ? 1 : 0);
                        at[r] += 2;
                    }
                }
        } else {
            VarcharVector strings = (VarcharVector) key;
            byte[] data = strings.data();
            for (int r = 0; r < rows; r++) {
                if (nulls != null && nulls[r]) {
                    at[r] = putNull(out, at[r]);
                } else {
                    int p = at[r];
                    int length = strings.length(r);
                    out[p] = VALUE;
                    INTS.set(out, p + 1, length);
                    System.arraycopy(data, strings.start(r), out, p + 5, length);
                    at[r] = p + 5 + length;
                }
            }
        }
    }

    /**
     * The key columns of {@code groups} keys encoded one after another in {@code arena}, key g in
     * {@code [starts[g], starts[g + 1])}: the inverse of {@link #encode}, column by column again.
     */
    static List<ColumnVector> decode(byte[] arena, int[] starts, int groups, List<DataType> types) {
        int[] at = Arrays.copyOf(starts, groups);
        List<ColumnVector> columns = new ArrayList<>(types.size());
        for (DataType type : types) {
            VectorBuilder builder = VectorBuilder.create(type, groups);
            if (builder instanceof LongsBuilder longs) {
                for (int g = 0; g < groups; g++) {
                    int p = at[g];
                    if (arena[p] == NULL) {
                        longs.appendNull();
                        at[g] = p + 1;
                    } else if (arena[p] == WIDE) {
                        longs.append((long) LONGS.get(arena, p + 1), (long) LONGS.get(arena, p + 9));
                        at[g] = p + 17;
                    } else {
                        longs.append((long) LONGS.get(arena, p + 1));
                        at[g] = p + 9;
                    }
                }
            } else if (builder instanceof DoublesBuilder doubles) {
                for (int g = 0; g < groups; g++) {
                    int p = at[g];
                    if (arena[p] == NULL) {
                        doubles.appendNull();
                        at[g] = p + 1;
                    } else {
                        doubles.append(Double.longBitsToDouble((long) LONGS.get(arena, p + 1)));
                        at[g] = p + 9;
                    }
                }
            } else if (builder instanceof BooleansBuilder booleans) {
                for (int g = 0; g < groups; g++) {
                    int p = at[g];
                    if (arena[p] == NULL) {
                        booleans.appendNull();
                        at[g] = p + 1;
                    } else {
                        booleans.append(arena[p + 1] != 0);
                        at[g] = p + 2;
                    }
                }
            } else {
                BytesBuilder strings = (BytesBuilder) builder;
                for (int g = 0; g < groups; g++) {
                    int p = at[g];
                    if (arena[p] == NULL) {
                        strings.appendNull();
                        at[g] = p + 1;
                    } else {
                        int length = (int) INTS.get(arena, p + 1);
                        strings.append(arena, p + 5, length);
                        at[g] = p + 5 + length;
                    }
                }
            }
            columns.add(builder.build());
        }
        return columns;
    }

    private static int putNull(byte[] out, int at) {
        out[at] = NULL;
        return at + 1;
    }

    private static int putLong(byte[] out, int at, long value) {
        out[at] = VALUE;
        LONGS.set(out, at + 1, value);
        return at + 9;
    }
}
