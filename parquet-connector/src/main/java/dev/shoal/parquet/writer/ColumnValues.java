package dev.shoal.parquet.writer;

import dev.shoal.core.batch.BooleanVector;
import dev.shoal.core.batch.ColumnVector;
import dev.shoal.core.batch.DoubleVector;
import dev.shoal.core.batch.Int128Vector;
import dev.shoal.core.batch.LongVector;
import dev.shoal.core.batch.VarcharVector;
import dev.shoal.core.type.TypeKind;
import org.apache.parquet.column.ColumnWriter;
import org.apache.parquet.io.api.Binary;

/**
 * Writes a run of one vector's values into a parquet-java column writer, in a loop per column type:
 * the type is decided once per run, not per value. Columns are optional and flat, so a value has
 * repetition level 0 and definition level 1, a NULL definition level 0.
 */
final class ColumnValues {
    private ColumnValues() {
    }

    static void write(ColumnVector vector, int from, int to, ColumnWriter writer) {
        boolean[] nulls = vector.nulls();
        if (vector.type().isWideDecimal()) {
            for (int row = from; row < to; row++) {
                if (nulls != null && nulls[row]) {
                    writer.writeNull(0, 0);
                } else {
                    writer.write(Binary.fromConstantByteArray(int128BigEndian(vector, row)), 0, 1);
                }
            }
        } else if (vector instanceof LongVector longs) {
            long[] values = longs.values();
            TypeKind kind = longs.type().kind();
            boolean int32 = kind == TypeKind.INTEGER || kind == TypeKind.DATE;
            for (int row = from; row < to; row++) {
                if (nulls != null && nulls[row]) {
                    writer.writeNull(0, 0);
                } else if (int32) {
                    writer.write(Math.toIntExact(values[row]), 0, 1);
                } else {
                    writer.write(values[row], 0, 1);
                }
            }
        } else if (vector instanceof DoubleVector doubles) {
            double[] values = doubles.values();
            for (int row = from; row < to; row++) {
                if (nulls != null && nulls[row]) {
                    writer.writeNull(0, 0);
                } else {
                    writer.write(values[row], 0, 1);
                }
            }
        } else if (vector instanceof BooleanVector booleans) {
            for (int row = from; row < to; row++) {
                if (nulls != null && nulls[row]) {
                    writer.writeNull(0, 0);
                } else {
                    writer.write(booleans.get(row), 0, 1);
                }
            }
        } else {
            VarcharVector strings = (VarcharVector) vector;
            byte[] data = strings.data();
            int[] offsets = strings.offsets();
            for (int row = from; row < to; row++) {
                if (nulls != null && nulls[row]) {
                    writer.writeNull(0, 0);
                } else {
                    writer.write(Binary.fromConstantByteArray(data, offsets[row], offsets[row + 1] - offsets[row]), 0, 1);
                }
            }
        }
    }

    /** The 16-byte big-endian two's complement form Parquet stores a FIXED_LEN_BYTE_ARRAY(16) decimal in. */
    private static byte[] int128BigEndian(ColumnVector vector, int row) {
        long high;
        long low;
        if (vector instanceof Int128Vector wide) {
            high = wide.high()[row];
            low = wide.low()[row];
        } else {
            low = ((LongVector) vector).get(row);
            high = low >> 63;
        }
        byte[] bytes = new byte[16];
        for (int i = 0; i < 8; i++) {
            bytes[7 - i] = (byte) (high >>> (8 * i));
            bytes[15 - i] = (byte) (low >>> (8 * i));
        }
        return bytes;
    }
}
