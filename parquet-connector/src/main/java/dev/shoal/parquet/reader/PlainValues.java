package dev.shoal.parquet.reader;

import dev.shoal.core.batch.BytesBuilder;
import dev.shoal.core.batch.DoublesBuilder;
import dev.shoal.core.batch.LongsBuilder;
import dev.shoal.core.batch.VectorBuilder;
import org.apache.parquet.schema.PrimitiveType;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Parquet's PLAIN encoding of a page's defined values, decoded a page at a time: little-endian
 * 4- and 8-byte integers (times a decimal rescale factor) and byte strings each preceded by a
 * 4-byte length. One per column chunk; its scratch arrays are reused from page to page.
 */
final class PlainValues {
    private static final VarHandle INTS = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle DOUBLES = MethodHandles.byteArrayViewVarHandle(double[].class, ByteOrder.LITTLE_ENDIAN);

    private long[] longs = new long[0];
    private double[] doubles = new double[0];
    private int[] starts = new int[0];
    private int[] lengths = new int[0];

    void int32s(byte[] page, int from, int count, long factor, LongsBuilder into) {
        into.appendAll(int32s(page, from, count, factor), 0, count);
    }

    void int64s(byte[] page, int from, int count, long factor, LongsBuilder into) {
        into.appendAll(int64s(page, from, count, factor), 0, count);
    }

    /** {@code count} 4-byte integers times {@code factor}, in a scratch array valid until the next call. */
    long[] int32s(byte[] page, int from, int count, long factor) {
        checkRoom(page, from, count, 4);
        long[] out = longScratch(count);
        for (int i = 0; i < count; i++) {
            out[i] = (int) INTS.get(page, from + 4 * i) * factor;
        }
        return out;
    }

    /** {@code count} 8-byte integers times {@code factor}, in a scratch array valid until the next call. */
    long[] int64s(byte[] page, int from, int count, long factor) {
        checkRoom(page, from, count, 8);
        long[] out = longScratch(count);
        for (int i = 0; i < count; i++) {
            out[i] = (long) LONGS.get(page, from + 8 * i) * factor;
        }
        return out;
    }

    /** {@code count} 8-byte doubles, in a scratch array valid until the next call. */
    double[] doubles(byte[] page, int from, int count) {
        checkRoom(page, from, count, 8);
        double[] out = doubleScratch(count);
        for (int i = 0; i < count; i++) {
            out[i] = (double) DOUBLES.get(page, from + 8 * i);
        }
        return out;
    }

    private static void checkRoom(byte[] page, int from, int count, int width) {
        if ((long) from + (long) count * width > page.length) {
            throw new IllegalArgumentException("a page holds fewer values than its header says");
        }
    }

    /**
     * Of the fixed-width values from {@code page[from]} (INT32, INT64 or DOUBLE), those at {@code dense[0 .. selected)}
     * (ascending; -1 for a NULL), of the first {@code needed}; integers times {@code factor}.
     */
    static void selected(PrimitiveType.PrimitiveTypeName physical, byte[] page, int from, int[] dense, int selected, int needed,
                         long factor, VectorBuilder into) {
        checkRoom(page, from, needed, physical == PrimitiveType.PrimitiveTypeName.INT32 ? 4 : 8);
        for (int p = 0; p < selected; p++) {
            int d = dense[p];
            if (d < 0) {
                into.appendNull();
                continue;
            }
            switch (physical) {
                case INT32 -> ((LongsBuilder) into).append((int) INTS.get(page, from + 4 * d) * factor);
                case INT64 -> ((LongsBuilder) into).append((long) LONGS.get(page, from + 8 * d) * factor);
                default -> ((DoublesBuilder) into).append((double) DOUBLES.get(page, from + 8 * d));
            }
        }
    }

    /** Of the length-prefixed strings in {@code page[from, end)}, those at {@code dense[0 .. selected)}, as {@link #selected}. */
    static void selectedBinaries(byte[] page, int from, int end, int[] dense, int selected, int needed, BytesBuilder into) {
        int position = from;
        int next = 0;
        for (int d = 0; d < needed; d++) {
            int length = lengthAt(page, position, end);
            position += 4;
            for (; next < selected && dense[next] < 0; next++) {
                into.appendNull();
            }
            if (next < selected && dense[next] == d) {
                into.append(page, position, length);
                next++;
            }
            position += length;
        }
        for (; next < selected; next++) {
            into.appendNull();
        }
    }

    /** The length prefix at {@code position}; one whose value would run past {@code end} is a corrupt page. */
    private static int lengthAt(byte[] page, int position, int end) {
        int length = (int) INTS.get(page, position);
        if (length < 0 || position + 4 + length > end) {
            throw new IllegalArgumentException("a value's length runs past its page");
        }
        return length;
    }

    /** {@code count} length-prefixed strings in {@code page[from, end)}; a length past the end is a corrupt page. */
    void binaries(byte[] page, int from, int end, int count, BytesBuilder into) {
        if (starts.length < count) {
            starts = new int[count];
            lengths = new int[count];
        }
        int position = from;
        int total = 0;
        for (int i = 0; i < count; i++) {
            int length = lengthAt(page, position, end);
            position += 4;
            starts[i] = position;
            lengths[i] = length;
            position += length;
            total += length;
        }
        into.appendSlices(page, starts, lengths, count, total);
    }

    long[] longScratch(int count) {
        if (longs.length < count) {
            longs = new long[count];
        }
        return longs;
    }

    double[] doubleScratch(int count) {
        if (doubles.length < count) {
            doubles = new double[count];
        }
        return doubles;
    }
}
