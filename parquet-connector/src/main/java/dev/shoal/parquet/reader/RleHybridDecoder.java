package dev.shoal.parquet.reader;

import dev.shoal.core.error.ErrorCode;
import dev.shoal.core.error.ShoalException;
import org.apache.parquet.column.values.bitpacking.BytePacker;
import org.apache.parquet.column.values.bitpacking.Packer;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * Parquet's RLE / bit-packing hybrid encoding (dictionary ids, definition levels) decoded in
 * bulk from a byte array into an int array. parquet-java's decoder reads it value by value
 * through an InputStream, which was the top item of a TPC-H profile.
 */
final class RleHybridDecoder {
    private final byte[] data;
    private final int end;
    private final int bitWidth;
    private final int byteWidth;
    private final long mask;
    /** parquet-java's unrolled unpacker, used for widths up to 8 (definition levels, small dictionaries), where it measured 2.5x faster. */
    private final BytePacker packer;
    private int position;
    // The run being read: RLE (a value repeated) or bit-packed (values in the byte array).
    private int remaining;
    private boolean repeated;
    private int repeatedValue;
    /** Of a bit-packed run: where its bytes start, how many of its values were read, and where it ends. */
    private int runStart;
    private int runIndex;
    private int runEnd;

    RleHybridDecoder(byte[] data, int offset, int end, int bitWidth) {
        if (bitWidth < 0 || bitWidth > 32) {
            throw new ShoalException(ErrorCode.CORRUPT_FILE, "invalid RLE bit width " + bitWidth);
        }
        this.data = data;
        this.position = offset;
        this.end = end;
        this.bitWidth = bitWidth;
        this.byteWidth = (bitWidth + 7) / 8;
        this.mask = (1L << bitWidth) - 1;
        this.packer = bitWidth <= PACKER_MAX_WIDTH ? PACKERS[bitWidth] : null;
    }

    /**
     * Up to this width parquet-java's unpacker takes 0.3-0.5 ns a value against 0.9 for the shift-and-mask loop;
     * past it, they are even or it is slower (measured on 1M random values per width).
     */
    private static final int PACKER_MAX_WIDTH = 8;
    /** Looked up once: a decoder is made per page, and the lookup showed in profiles of DuckDB-written files' small pages. */
    private static final BytePacker[] PACKERS = IntStream.rangeClosed(0, PACKER_MAX_WIDTH)
            .mapToObj(Packer.LITTLE_ENDIAN::newBytePacker).toArray(BytePacker[]::new);

    /** Decodes the next {@code count} values into {@code out[0 .. count)}. */
    void decode(int[] out, int count) {
        int filled = 0;
        while (filled < count) {
            if (remaining == 0) {
                readRunHeader();
            }
            int n = Math.min(remaining, count - filled);
            if (repeated) {
                Arrays.fill(out, filled, filled + n, repeatedValue);
            } else {
                unpack(out, filled, n);
            }
            filled += n;
            remaining -= n;
        }
    }

    /**
     * Bit-unpacks the run's next n values. A bit-packed run is groups of 8 values in exactly
     * {@code bitWidth} bytes, so value k of the run starts at bit {@code k * bitWidth}: each value is
     * one little-endian 8-byte read, shifted and masked, 8 at a time over whole groups (a value and
     * its shift fit 64 bits for widths up to 32). Near the array's end, bytes are read one by one.
     */
    private void unpack(int[] out, int from, int n) {
        int k = runIndex;
        int i = 0;
        while (i < n && (k & 7) != 0) {
            out[from + i++] = valueAt(k++);
        }
        int group = runStart + (k >>> 3) * bitWidth;
        if (packer != null) {
            // Whole groups of 8 values, exactly bitWidth bytes each, 32 values at a time where there are.
            while (n - i >= 32 && group + 4 * bitWidth <= data.length) {
                packer.unpack32Values(data, group, out, from + i);
                i += 32;
                k += 32;
                group += 4 * bitWidth;
            }
            while (n - i >= 8 && group + bitWidth <= data.length) {
                packer.unpack8Values(data, group, out, from + i);
                i += 8;
                k += 8;
                group += bitWidth;
            }
        }
        // The group's last value is read from at most bitWidth - 1 bytes in: 8 bytes from there must be in the array.
        int lastGroup = data.length - bitWidth - 7;
        while (n - i >= 8 && group <= lastGroup) {
            int bit = 0;
            for (int j = 0; j < 8; j++, bit += bitWidth) {
                out[from + i + j] = (int) (((long) LONG_LE.get(data, group + (bit >>> 3)) >>> (bit & 7)) & mask);
            }
            i += 8;
            k += 8;
            group += bitWidth;
        }
        while (i < n) {
            out[from + i++] = valueAt(k++);
        }
        runIndex = k;
    }

    /** Value k of the bit-packed run. */
    private int valueAt(int k) {
        long bit = (long) k * bitWidth;
        int at = runStart + (int) (bit >>> 3);
        long word;
        if (at + 8 <= data.length) {
            word = (long) LONG_LE.get(data, at);
        } else {
            word = 0;
            for (int b = 0; b < 8 && at + b < data.length; b++) {
                word |= (long) (data[at + b] & 0xff) << (8 * b);
            }
        }
        return (int) ((word >>> (bit & 7)) & mask);
    }

    private static final VarHandle LONG_LE =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private void readRunHeader() {
        position = Math.max(position, runEnd);
        if (bitWidth == 0) {
            repeated = true;
            repeatedValue = 0;
            remaining = Integer.MAX_VALUE;
            return;
        }
        int header = readUnsignedVarInt();
        if ((header & 1) == 0) {
            repeated = true;
            remaining = header >>> 1;
            int value = 0;
            for (int i = 0; i < byteWidth; i++) {
                value |= (data[position++] & 0xff) << (i * 8);
            }
            repeatedValue = value;
        } else {
            repeated = false;
            // Bit-packed groups of 8 values: exactly bitWidth bytes per group.
            int groups = header >>> 1;
            remaining = groups * 8;
            runStart = position;
            runIndex = 0;
            runEnd = position + groups * bitWidth;
        }
        if (remaining == 0) {
            throw new ShoalException(ErrorCode.CORRUPT_FILE, "empty RLE run");
        }
    }

    private int readUnsignedVarInt() {
        int value = 0;
        int shift = 0;
        while (true) {
            if (position >= end) {
                throw new ShoalException(ErrorCode.CORRUPT_FILE, "RLE data ends inside a run header");
            }
            int b = data[position++] & 0xff;
            value |= (b & 0x7f) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
            shift += 7;
        }
    }
}
