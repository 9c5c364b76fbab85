package dev.shoal.parquet.reader;

import dev.shoal.core.error.ErrorCode;
import dev.shoal.core.error.ShoalException;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

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
    private final int mask;
    private int position;
    // The run being read: RLE (a value repeated) or bit-packed (values in the byte array).
    private int remaining;
    private boolean repeated;
    private int repeatedValue;
    private long bitBuffer;
    private int bitsInBuffer;
    private int readPosition;
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
        this.mask = bitWidth == 32 ? -1 : (1 << bitWidth) - 1;
    }

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
     * Bit-unpacks n values. The buffer is refilled 32 bits at a time (one little-endian int read)
     * while the array has 4 bytes to give, byte by byte near its end. Reading ahead may pass the
     * run's last byte; {@link #runEnd} puts the next header back where the run really ends.
     */
    private void unpack(int[] out, int from, int n) {
        long buffer = bitBuffer;
        int bits = bitsInBuffer;
        int read = readPosition;
        for (int i = 0; i < n; i++) {
            if (bits < bitWidth) {
                if (read + 4 <= data.length) {
                    buffer |= ((long) (int) INT_LE.get(data, read) & 0xffffffffL) << bits;
                    read += 4;
                    bits += 32;
                } else {
                    while (bits < bitWidth) {
                        buffer |= (long) (read < data.length ? data[read] & 0xff : 0) << bits;
                        read++;
                        bits += 8;
                    }
                }
            }
            out[from + i] = (int) (buffer & mask);
            buffer >>>= bitWidth;
            bits -= bitWidth;
        }
        bitBuffer = buffer;
        bitsInBuffer = bits;
        readPosition = read;
    }

    private static final VarHandle INT_LE =
            MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

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
            readPosition = position;
            runEnd = position + groups * bitWidth;
            bitBuffer = 0;
            bitsInBuffer = 0;
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
