package dev.shoal.exec.exchange;

import dev.shoal.core.batch.Batch;
import dev.shoal.core.batch.BooleanVector;
import dev.shoal.core.batch.ColumnVector;
import dev.shoal.core.batch.DoubleVector;
import dev.shoal.core.batch.Int128Vector;
import dev.shoal.core.batch.LongVector;
import dev.shoal.core.batch.VarcharVector;
import dev.shoal.core.type.DataType;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;

import java.util.ArrayList;
import java.util.List;

/**
 * {@link Batch} ↔ Arrow record batches, at the exchange boundary only. Storage decides the Arrow
 * type (long → Int64, or Decimal128 for a decimal over 18 digits; double → Float64, boolean → Bool,
 * bytes → Binary); the SQL types travel in
 * the plan, so both ends know them without Arrow metadata.
 */
public final class ArrowBatches {
    private ArrowBatches() {
    }

    public static Schema schema(List<DataType> types) {
        List<Field> fields = new ArrayList<>(types.size());
        for (int i = 0; i < types.size(); i++) {
            DataType type = types.get(i);
            ArrowType arrowType = switch (type.storage()) {
                case LONG -> type.isWideDecimal()
                        ? new ArrowType.Decimal(type.precision(), type.scale(), 128)
                        : new ArrowType.Int(64, true);
                case DOUBLE -> new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE);
                case BOOLEAN -> ArrowType.Bool.INSTANCE;
                case BYTES -> ArrowType.Binary.INSTANCE;
            };
            fields.add(new Field("c" + i, FieldType.nullable(arrowType), null));
        }
        return new Schema(fields);
    }

    public static VectorSchemaRoot createRoot(List<DataType> types, BufferAllocator allocator) {
        return VectorSchemaRoot.create(schema(types), allocator);
    }

    /** Fills {@code root} (created from the same types) with the batch's rows. */
    public static void fill(VectorSchemaRoot root, Batch batch) {
        int n = batch.rowCount();
        for (int c = 0; c < batch.columnCount(); c++) {
            ColumnVector column = batch.column(c);
            FieldVector target = root.getVector(c);
            if (target instanceof DecimalVector decimals) {
                fillInt128(decimals, column, n);
            } else if (column instanceof LongVector longs) {
                BigIntVector out = (BigIntVector) target;
                out.allocateNew(n);
                long[] values = longs.values();
                for (int i = 0; i < n; i++) {
                    if (longs.isNull(i)) {
                        out.setNull(i);
                    } else {
                        out.set(i, values[i]);
                    }
                }
            } else if (column instanceof DoubleVector doubles) {
                Float8Vector out = (Float8Vector) target;
                out.allocateNew(n);
                double[] values = doubles.values();
                for (int i = 0; i < n; i++) {
                    if (doubles.isNull(i)) {
                        out.setNull(i);
                    } else {
                        out.set(i, values[i]);
                    }
                }
            } else if (column instanceof BooleanVector booleans) {
                BitVector out = (BitVector) target;
                out.allocateNew(n);
                for (int i = 0; i < n; i++) {
                    if (booleans.isNull(i)) {
                        out.setNull(i);
                    } else {
                        out.set(i, booleans.get(i) ? 1 : 0);
                    }
                }
            } else {
                VarcharVector strings = (VarcharVector) column;
                VarBinaryVector out = (VarBinaryVector) target;
                int bytes = strings.start(n > 0 ? n - 1 : 0) + (n > 0 ? strings.length(n - 1) : 0) - (n > 0 ? strings.start(0) : 0);
                out.allocateNew(Math.max(bytes, 1), n);
                byte[] data = strings.data();
                for (int i = 0; i < n; i++) {
                    if (strings.isNull(i)) {
                        out.setNull(i);
                    } else {
                        out.setSafe(i, data, strings.start(i), strings.length(i));
                    }
                }
            }
            target.setValueCount(n);
        }
        root.setRowCount(n);
    }

    /** 16 little-endian bytes per value, low word first, as Arrow's Decimal128 lays them out. */
    private static void fillInt128(DecimalVector out, ColumnVector column, int n) {
        out.allocateNew(n);
        ArrowBuf data = out.getDataBuffer();
        Int128Vector wide = column instanceof Int128Vector w ? w : Int128Vector.widen((LongVector) column);
        for (int i = 0; i < n; i++) {
            if (wide.isNull(i)) {
                out.setNull(i);
            } else {
                data.setLong((long) i * 16, wide.low()[i]);
                data.setLong((long) i * 16 + 8, wide.high()[i]);
                out.setIndexDefined(i);
            }
        }
    }

    /** Decimal128 values: a LongVector when all fit in a long, else an Int128Vector. */
    private static ColumnVector int128Column(FieldVector vector, DataType type, boolean[] nulls, int n) {
        ArrowBuf data = vector.getDataBuffer();
        long[] low = new long[n];
        long[] high = new long[n];
        boolean allFit = true;
        for (int i = 0; i < n; i++) {
            low[i] = data.getLong((long) i * 16);
            high[i] = data.getLong((long) i * 16 + 8);
            allFit &= Int128Vector.fitsInLong(high[i], low[i]) || (nulls != null && nulls[i]);
        }
        return allFit ? new LongVector(type, low, nulls, n) : new Int128Vector(type, high, low, nulls, n);
    }

    /** A batch copied out of {@code root}, so the root can be reused for the next record batch. */
    public static Batch toBatch(VectorSchemaRoot root, List<DataType> types) {
        int n = root.getRowCount();
        List<ColumnVector> columns = new ArrayList<>(types.size());
        for (int c = 0; c < types.size(); c++) {
            FieldVector vector = root.getVector(c);
            boolean[] nulls = nulls(vector, n);
            DataType type = types.get(c);
            switch (type.storage()) {
                case LONG -> {
                    if (vector instanceof DecimalVector) {
                        columns.add(int128Column(vector, type, nulls, n));
                        continue;
                    }
                    long[] values = new long[n];
                    ArrowBuf data = vector.getDataBuffer();
                    for (int i = 0; i < n; i++) {
                        values[i] = data.getLong((long) i * 8);
                    }
                    columns.add(new LongVector(type, values, nulls, n));
                }
                case DOUBLE -> {
                    double[] values = new double[n];
                    ArrowBuf data = vector.getDataBuffer();
                    for (int i = 0; i < n; i++) {
                        values[i] = data.getDouble((long) i * 8);
                    }
                    columns.add(new DoubleVector(values, nulls, n));
                }
                case BOOLEAN -> {
                    boolean[] values = new boolean[n];
                    BitVector bits = (BitVector) vector;
                    for (int i = 0; i < n; i++) {
                        values[i] = !bits.isNull(i) && bits.get(i) == 1;
                    }
                    columns.add(new BooleanVector(values, nulls, n));
                }
                case BYTES -> {
                    ArrowBuf offsetsBuffer = vector.getOffsetBuffer();
                    int[] offsets = new int[n + 1];
                    for (int i = 0; i <= n; i++) {
                        offsets[i] = n == 0 ? 0 : offsetsBuffer.getInt((long) i * 4);
                    }
                    byte[] data = new byte[offsets[n] - offsets[0]];
                    vector.getDataBuffer().getBytes(offsets[0], data, 0, data.length);
                    if (offsets[0] != 0) {
                        int base = offsets[0];
                        for (int i = 0; i <= n; i++) {
                            offsets[i] -= base;
                        }
                    }
                    columns.add(new VarcharVector(data, offsets, nulls, n));
                }
            }
        }
        return new Batch(columns, n);
    }

    private static boolean[] nulls(FieldVector vector, int n) {
        if (vector.getNullCount() == 0) {
            return null;
        }
        boolean[] nulls = new boolean[n];
        for (int i = 0; i < n; i++) {
            nulls[i] = vector.isNull(i);
        }
        return nulls;
    }

    /** Bytes of the Arrow buffers holding the root's current record batch: what crosses the wire. */
    public static long bufferBytes(VectorSchemaRoot root) {
        long bytes = 0;
        for (FieldVector vector : root.getFieldVectors()) {
            bytes += vector.getBufferSize();
        }
        return bytes;
    }

    /** An estimate of a batch's heap size, for bounding output buffers. */
    public static long estimatedBytes(Batch batch) {
        long bytes = 0;
        for (ColumnVector column : batch.columns()) {
            bytes += column instanceof VarcharVector strings
                    ? (strings.size() + 1) * 4L + strings.start(strings.size()) - strings.start(0)
                    : column instanceof BooleanVector ? column.size()
                    : column instanceof Int128Vector ? column.size() * 16L : column.size() * 8L;
            if (column.nulls() != null) {
                bytes += column.size();
            }
        }
        return bytes;
    }
}
