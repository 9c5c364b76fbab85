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
import org.apache.arrow.vector.BitVectorHelper;
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

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.IntBuffer;
import java.nio.LongBuffer;
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

    /**
     * Fills {@code root} (created from the same types) with the batch's rows. Values and offsets are
     * copied in bulk through NIO views of the Arrow buffers: Arrow's own per-value setters check
     * bounds and the buffer's reference count on each call, which showed at 3% of a TPC-DS run.
     */
    public static void fill(VectorSchemaRoot root, Batch batch) {
        int n = batch.rowCount();
        for (int c = 0; c < batch.columnCount(); c++) {
            ColumnVector column = batch.column(c);
            FieldVector target = root.getVector(c);
            if (target instanceof DecimalVector decimals) {
                decimals.allocateNew(n);
                fillInt128(decimals, column, n);
            } else if (column instanceof LongVector longs) {
                ((BigIntVector) target).allocateNew(n);
                longs(target.getDataBuffer(), n).put(longs.values(), 0, n);
            } else if (column instanceof DoubleVector doubles) {
                ((Float8Vector) target).allocateNew(n);
                view(target.getDataBuffer(), n * 8).asDoubleBuffer().put(doubles.values(), 0, n);
            } else if (column instanceof BooleanVector booleans) {
                BitVector out = (BitVector) target;
                out.allocateNew(n);
                for (int i = 0; i < n; i++) {
                    if (booleans.get(i)) {
                        BitVectorHelper.setBit(out.getDataBuffer(), i);
                    }
                }
            } else {
                fillBytes((VarBinaryVector) target, (VarcharVector) column, n);
            }
            fillValidity(target.getValidityBuffer(), column.nulls(), n);
            target.setValueCount(n);
        }
        root.setRowCount(n);
    }

    /** The bytes of rows {@code [0, n)} in one copy, and their offsets rebased to start at 0. */
    private static void fillBytes(VarBinaryVector out, VarcharVector strings, int n) {
        int base = strings.start(0);
        int bytes = strings.start(n) - base;
        out.allocateNew(Math.max(bytes, 1), n);
        out.getDataBuffer().setBytes(0, strings.data(), base, bytes);
        ArrowBuf offsets = out.getOffsetBuffer();
        if (base == 0) {
            view(offsets, (n + 1) * 4).asIntBuffer().put(strings.offsets(), 0, n + 1);
        } else {
            IntBuffer rebased = view(offsets, (n + 1) * 4).asIntBuffer();
            for (int i = 0; i <= n; i++) {
                rebased.put(i, strings.start(i) - base);
            }
        }
        out.setLastSet(n - 1);
    }

    /** Every row valid, then the NULL ones cleared. */
    private static void fillValidity(ArrowBuf validity, boolean[] nulls, int n) {
        validity.setOne(0, BitVectorHelper.getValidityBufferSizeFromCount(n));
        if (nulls != null) {
            for (int i = 0; i < n; i++) {
                if (nulls[i]) {
                    BitVectorHelper.unsetBit(validity, i);
                }
            }
        }
    }

    /** The buffer's first {@code bytes} as a little-endian NIO view: bulk copies with one bounds check. */
    private static ByteBuffer view(ArrowBuf buffer, int bytes) {
        return buffer.nioBuffer(0, bytes).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static LongBuffer longs(ArrowBuf buffer, int n) {
        return view(buffer, n * 8).asLongBuffer();
    }

    /** 16 little-endian bytes per value, low word first, as Arrow's Decimal128 lays them out. */
    private static void fillInt128(DecimalVector out, ColumnVector column, int n) {
        LongBuffer data = longs(out.getDataBuffer(), 2 * n);
        Int128Vector wide = column instanceof Int128Vector w ? w : Int128Vector.widen((LongVector) column);
        long[] low = wide.low();
        long[] high = wide.high();
        for (int i = 0; i < n; i++) {
            data.put(2 * i, low[i]);
            data.put(2 * i + 1, high[i]);
        }
    }

    /** Decimal128 values: a LongVector when all fit in a long, else an Int128Vector. */
    private static ColumnVector int128Column(FieldVector vector, DataType type, boolean[] nulls, int n) {
        LongBuffer data = longs(vector.getDataBuffer(), 2 * n);
        long[] low = new long[n];
        long[] high = new long[n];
        boolean allFit = true;
        for (int i = 0; i < n; i++) {
            low[i] = data.get(2 * i);
            high[i] = data.get(2 * i + 1);
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
                    longs(vector.getDataBuffer(), n).get(values);
                    columns.add(new LongVector(type, values, nulls, n));
                }
                case DOUBLE -> {
                    double[] values = new double[n];
                    view(vector.getDataBuffer(), n * 8).asDoubleBuffer().get(values);
                    columns.add(new DoubleVector(values, nulls, n));
                }
                case BOOLEAN -> {
                    boolean[] values = new boolean[n];
                    ArrowBuf bits = vector.getDataBuffer();
                    for (int i = 0; i < n; i++) {
                        values[i] = BitVectorHelper.get(bits, i) == 1 && (nulls == null || !nulls[i]);
                    }
                    columns.add(new BooleanVector(values, nulls, n));
                }
                case BYTES -> {
                    int[] offsets = new int[n + 1];
                    if (n > 0) {
                        view(vector.getOffsetBuffer(), (n + 1) * 4).asIntBuffer().get(offsets);
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

    /** Null flags from the validity bitmap, read a byte at a time; null when the vector holds none. */
    private static boolean[] nulls(FieldVector vector, int n) {
        if (vector.getNullCount() == 0) {
            return null;
        }
        byte[] validity = new byte[BitVectorHelper.getValidityBufferSizeFromCount(n)];
        vector.getValidityBuffer().getBytes(0, validity, 0, validity.length);
        boolean[] nulls = new boolean[n];
        for (int i = 0; i < n; i++) {
            nulls[i] = (validity[i >>> 3] & (1 << (i & 7))) == 0;
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
