package dev.shoal.parquet.writer;

import dev.shoal.core.batch.Batch;
import dev.shoal.core.batch.BooleanVector;
import dev.shoal.core.batch.ColumnVector;
import dev.shoal.core.batch.DoubleVector;
import dev.shoal.core.batch.Int128Vector;
import dev.shoal.core.batch.LongVector;
import dev.shoal.core.batch.VarcharVector;
import dev.shoal.core.plan.ScanColumn;
import dev.shoal.core.type.TypeKind;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.MessageType;

import java.util.List;
import java.util.Map;

/** Feeds the rows of the current batch to parquet-java's column writers; a record is a row position. */
final class BatchWriteSupport extends WriteSupport<Integer> {
    private final List<ScanColumn> columns;
    private final MessageType schema;
    private RecordConsumer consumer;
    private Batch batch;

    BatchWriteSupport(List<ScanColumn> columns) {
        this.columns = columns;
        this.schema = ParquetSchemas.messageType(columns);
    }

    void setBatch(Batch batch) {
        this.batch = batch;
    }

    @Override
    public WriteContext init(Configuration configuration) {
        return new WriteContext(schema, Map.of("writer", "shoal"));
    }

    @Override
    public void prepareForWrite(RecordConsumer recordConsumer) {
        this.consumer = recordConsumer;
    }

    @Override
    public void write(Integer row) {
        consumer.startMessage();
        for (int c = 0; c < columns.size(); c++) {
            ColumnVector vector = batch.column(c);
            if (vector.isNull(row)) {
                continue;
            }
            String name = columns.get(c).name();
            consumer.startField(name, c);
            writeValue(vector, row);
            consumer.endField(name, c);
        }
        consumer.endMessage();
    }

    private void writeValue(ColumnVector vector, int row) {
        if (vector.type().isWideDecimal()) {
            consumer.addBinary(Binary.fromConstantByteArray(int128BigEndian(vector, row)));
        } else if (vector instanceof LongVector longs) {
            TypeKind kind = longs.type().kind();
            if (kind == TypeKind.INTEGER || kind == TypeKind.DATE) {
                consumer.addInteger(Math.toIntExact(longs.get(row)));
            } else {
                consumer.addLong(longs.get(row));
            }
        } else if (vector instanceof DoubleVector doubles) {
            consumer.addDouble(doubles.get(row));
        } else if (vector instanceof BooleanVector booleans) {
            consumer.addBoolean(booleans.get(row));
        } else {
            VarcharVector strings = (VarcharVector) vector;
            consumer.addBinary(Binary.fromConstantByteArray(strings.data(), strings.start(row), strings.length(row)));
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
