package dev.shoal.coordinator.server;

import dev.shoal.core.batch.Batch;
import dev.shoal.core.batch.BooleanVector;
import dev.shoal.core.batch.ColumnVector;
import dev.shoal.core.batch.DoubleVector;
import dev.shoal.core.batch.Int128Vector;
import dev.shoal.core.batch.LongVector;
import dev.shoal.core.batch.VarcharVector;
import dev.shoal.core.type.DataType;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * The rows of one frame as one binary value, column by column, for Shoal's own driver (which asks
 * for it when it connects): a frame of thousands of rows then costs Avatica one value to carry
 * instead of one protobuf message per value, which had capped a client at about 120k rows/s.
 * The driver's {@code ColumnarFrameDecoder} reads it back. Layout, little-endian:
 * <pre>
 *   magic "SHC1", long result (which execution of the statement the rows belong to), int rows, int columns, then per column:
 *     byte kind (see {@code KIND_*}), byte nulls (1: one byte per row follows, 1 = NULL)
 *     BOOLEAN: a byte per row; INTEGER, DATE (days): an int per row;
 *     BIGINT, TIMESTAMP (microseconds), DOUBLE (IEEE bits): a long per row;
 *     DECIMAL64: byte scale, an unscaled long per row; DECIMAL128: byte scale, two longs (high, low) per row;
 *     VARCHAR: rows + 1 int offsets into the UTF-8 bytes that follow.
 * </pre>
 * A NULL's value slot is present and meaningless.
 */
final class ColumnarFrames {
    static final byte[] MAGIC = {'S', 'H', 'C', '1'};
    static final byte KIND_BOOLEAN = 0;
    static final byte KIND_INTEGER = 1;
    static final byte KIND_BIGINT = 2;
    static final byte KIND_DOUBLE = 3;
    static final byte KIND_DECIMAL64 = 4;
    static final byte KIND_DECIMAL128 = 5;
    static final byte KIND_VARCHAR = 6;
    static final byte KIND_DATE = 7;
    static final byte KIND_TIMESTAMP = 8;

    private ColumnarFrames() {
    }

    /** The batches' rows, in order, as one frame value of result {@code result}. */
    static byte[] encode(long result, List<Batch> batches, List<DataType> types) {
        int rows = batches.stream().mapToInt(Batch::rowCount).sum();
        List<Column> columns = new ArrayList<>(types.size());
        long size = MAGIC.length + 16L;
        for (int c = 0; c < types.size(); c++) {
            Column column = new Column(c, kind(batches, c, types.get(c)), types.get(c).scale(), anyNulls(batches, c));
            columns.add(column);
            size += columnSize(batches, column, rows);
        }
        if (size > Integer.MAX_VALUE - 16) {
            throw new IllegalStateException("a frame of " + size + " bytes is too large: fetch fewer rows at a time");
        }
        ByteBuffer out = ByteBuffer.allocate((int) size).order(ByteOrder.LITTLE_ENDIAN);
        out.put(MAGIC).putLong(result).putInt(rows).putInt(types.size());
        for (Column column : columns) {
            writeColumn(out, batches, column);
        }
        return out.array();
    }

    /** How one column is written, decided once for the frame's batches. */
    private record Column(int index, byte kind, int scale, boolean nulls) {
    }

    private static byte kind(List<Batch> batches, int column, DataType type) {
        return switch (type.kind()) {
            case BOOLEAN -> KIND_BOOLEAN;
            case INTEGER -> KIND_INTEGER;
            case BIGINT -> KIND_BIGINT;
            case DOUBLE -> KIND_DOUBLE;
            case DECIMAL -> batches.stream().anyMatch(b -> b.column(column) instanceof Int128Vector) ? KIND_DECIMAL128 : KIND_DECIMAL64;
            case VARCHAR -> KIND_VARCHAR;
            case DATE -> KIND_DATE;
            case TIMESTAMP -> KIND_TIMESTAMP;
        };
    }

    private static boolean anyNulls(List<Batch> batches, int column) {
        for (Batch batch : batches) {
            if (batch.column(column).mayHaveNulls()) {
                return true;
            }
        }
        return false;
    }

    private static long columnSize(List<Batch> batches, Column column, int rows) {
        long size = 2 + (column.nulls() ? rows : 0);
        return size + switch (column.kind()) {
            case KIND_BOOLEAN -> rows;
            case KIND_INTEGER, KIND_DATE -> 4L * rows;
            case KIND_DECIMAL64 -> 1 + 8L * rows;
            case KIND_DECIMAL128 -> 1 + 16L * rows;
            case KIND_VARCHAR -> 4L * (rows + 1)
                    + batches.stream().mapToLong(b -> varcharBytes((VarcharVector) b.column(column.index()))).sum();
            default -> 8L * rows;
        };
    }

    private static long varcharBytes(VarcharVector vector) {
        int[] offsets = vector.offsets();
        return offsets[vector.size()] - offsets[0];
    }

    private static void writeColumn(ByteBuffer out, List<Batch> batches, Column column) {
        int c = column.index();
        out.put(column.kind()).put((byte) (column.nulls() ? 1 : 0));
        if (column.nulls()) {
            for (Batch batch : batches) {
                ColumnVector vector = batch.column(c);
                boolean[] mask = vector.nulls();
                for (int i = 0; i < vector.size(); i++) {
                    out.put((byte) (mask != null && mask[i] ? 1 : 0));
                }
            }
        }
        if (column.kind() == KIND_DECIMAL64 || column.kind() == KIND_DECIMAL128) {
            out.put((byte) column.scale());
        }
        switch (column.kind()) {
            case KIND_BOOLEAN -> batches.forEach(b -> writeBooleans(out, (BooleanVector) b.column(c)));
            case KIND_INTEGER, KIND_DATE -> batches.forEach(b -> writeInts(out, (LongVector) b.column(c)));
            case KIND_DOUBLE -> batches.forEach(b -> writeDoubles(out, (DoubleVector) b.column(c)));
            case KIND_DECIMAL128 -> batches.forEach(b -> writeInt128s(out, b.column(c)));
            case KIND_VARCHAR -> writeVarchars(out, batches, c);
            default -> batches.forEach(b -> writeLongs(out, (LongVector) b.column(c)));
        }
    }

    private static void writeBooleans(ByteBuffer out, BooleanVector vector) {
        boolean[] values = vector.values();
        for (int i = 0; i < vector.size(); i++) {
            out.put((byte) (values[i] ? 1 : 0));
        }
    }

    private static void writeInts(ByteBuffer out, LongVector vector) {
        long[] values = vector.values();
        for (int i = 0; i < vector.size(); i++) {
            out.putInt((int) values[i]);
        }
    }

    private static void writeLongs(ByteBuffer out, LongVector vector) {
        out.asLongBuffer().put(vector.values(), 0, vector.size());
        out.position(out.position() + 8 * vector.size());
    }

    private static void writeDoubles(ByteBuffer out, DoubleVector vector) {
        out.asDoubleBuffer().put(vector.values(), 0, vector.size());
        out.position(out.position() + 8 * vector.size());
    }

    private static void writeInt128s(ByteBuffer out, ColumnVector column) {
        Int128Vector vector = column instanceof LongVector longs ? Int128Vector.widen(longs) : (Int128Vector) column;
        long[] high = vector.high();
        long[] low = vector.low();
        for (int i = 0; i < vector.size(); i++) {
            out.putLong(high[i]).putLong(low[i]);
        }
    }

    private static void writeVarchars(ByteBuffer out, List<Batch> batches, int column) {
        int offset = 0;
        out.putInt(offset);
        for (Batch batch : batches) {
            VarcharVector vector = (VarcharVector) batch.column(column);
            int[] offsets = vector.offsets();
            for (int i = 0; i < vector.size(); i++) {
                offset += offsets[i + 1] - offsets[i];
                out.putInt(offset);
            }
        }
        for (Batch batch : batches) {
            VarcharVector vector = (VarcharVector) batch.column(column);
            int[] offsets = vector.offsets();
            out.put(vector.data(), offsets[0], offsets[vector.size()] - offsets[0]);
        }
    }
}
