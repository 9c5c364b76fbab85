package dev.shoal.coordinator.server;

import dev.shoal.core.batch.Batch;
import dev.shoal.core.batch.BooleanVector;
import dev.shoal.core.batch.DoubleVector;
import dev.shoal.core.batch.Int128Vector;
import dev.shoal.core.batch.LongVector;
import dev.shoal.core.batch.VarcharVector;
import dev.shoal.core.type.DataType;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The layout ColumnarFrames documents, read back field by field (the driver's decoder reads the same; its own test covers it). */
class ColumnarFramesTest {
    private static VarcharVector strings(String... values) {
        byte[][] bytes = new byte[values.length][];
        int[] offsets = new int[values.length + 1];
        boolean[] nulls = new boolean[values.length];
        boolean any = false;
        for (int i = 0; i < values.length; i++) {
            nulls[i] = values[i] == null;
            any |= nulls[i];
            bytes[i] = values[i] == null ? new byte[0] : values[i].getBytes(StandardCharsets.UTF_8);
            offsets[i + 1] = offsets[i] + bytes[i].length;
        }
        byte[] data = new byte[offsets[values.length]];
        for (int i = 0; i < values.length; i++) {
            System.arraycopy(bytes[i], 0, data, offsets[i], bytes[i].length);
        }
        return new VarcharVector(data, offsets, any ? nulls : null, values.length);
    }

    @Test
    void columnsFollowEachOtherWithTheirKindsNullsAndValues() {
        List<DataType> types = List.of(DataType.BIGINT, DataType.VARCHAR, DataType.decimal(30, 2), DataType.BOOLEAN, DataType.DOUBLE,
                DataType.DATE);
        Batch first = new Batch(List.of(new LongVector(DataType.BIGINT, new long[] {1, 2}, null, 2), strings("a", null),
                new LongVector(DataType.decimal(30, 2), new long[] {-150, 0}, new boolean[] {false, true}, 2),
                new BooleanVector(new boolean[] {true, false}, null, 2), new DoubleVector(new double[] {0.5, -1}, null, 2),
                new LongVector(DataType.DATE, new long[] {19000, 1}, null, 2)), 2);
        // A second batch sliced from a larger one: its varchar offsets do not start at 0, its decimals are 128-bit.
        Batch wide = new Batch(List.of(new LongVector(DataType.BIGINT, new long[] {9, 3}, null, 2), strings("skip", "été"),
                new Int128Vector(DataType.decimal(30, 2), new long[] {0, 1}, new long[] {0, 5}, null, 2),
                new BooleanVector(new boolean[] {false, true}, null, 2), new DoubleVector(new double[] {0, 2.25}, null, 2),
                new LongVector(DataType.DATE, new long[] {0, -1}, null, 2)), 2).slice(1, 1);

        ByteBuffer in = ByteBuffer.wrap(ColumnarFrames.encode(7, List.of(first, wide), types)).order(ByteOrder.LITTLE_ENDIAN);
        byte[] magic = new byte[4];
        in.get(magic);
        assertEquals("SHC1", new String(magic, StandardCharsets.US_ASCII));
        assertEquals(7, in.getLong(), "the execution the rows belong to");
        assertEquals(3, in.getInt(), "rows");
        assertEquals(6, in.getInt(), "columns");

        assertEquals(List.of(ColumnarFrames.KIND_BIGINT, (byte) 0), List.of(in.get(), in.get()));
        assertEquals(List.of(1L, 2L, 3L), List.of(in.getLong(), in.getLong(), in.getLong()));

        assertEquals(List.of(ColumnarFrames.KIND_VARCHAR, (byte) 1, (byte) 0, (byte) 1, (byte) 0),
                List.of(in.get(), in.get(), in.get(), in.get(), in.get()), "kind, has nulls, the nulls");
        assertEquals(List.of(0, 1, 1, 1 + "été".getBytes(StandardCharsets.UTF_8).length), List.of(in.getInt(), in.getInt(),
                in.getInt(), in.getInt()));
        byte[] text = new byte[1 + "été".getBytes(StandardCharsets.UTF_8).length];
        in.get(text);
        assertEquals("aété", new String(text, StandardCharsets.UTF_8));

        assertEquals(List.of(ColumnarFrames.KIND_DECIMAL128, (byte) 1, (byte) 0, (byte) 1, (byte) 0, (byte) 2),
                List.of(in.get(), in.get(), in.get(), in.get(), in.get(), in.get()), "wide: every row 128-bit, scale 2");
        assertEquals(List.of(-1L, -150L), List.of(in.getLong(), in.getLong()), "-150 widened");
        in.getLong();
        in.getLong();
        assertEquals(List.of(1L, 5L), List.of(in.getLong(), in.getLong()));

        assertEquals(List.of(ColumnarFrames.KIND_BOOLEAN, (byte) 0, (byte) 1, (byte) 0, (byte) 1),
                List.of(in.get(), in.get(), in.get(), in.get(), in.get()));
        assertEquals(List.of(ColumnarFrames.KIND_DOUBLE, (byte) 0), List.of(in.get(), in.get()));
        assertEquals(List.of(0.5, -1.0, 2.25), List.of(in.getDouble(), in.getDouble(), in.getDouble()));
        assertEquals(List.of(ColumnarFrames.KIND_DATE, (byte) 0), List.of(in.get(), in.get()));
        assertEquals(List.of(19000, 1, -1), List.of(in.getInt(), in.getInt(), in.getInt()));
        assertEquals(0, in.remaining(), "nothing after the last column");
    }

    @Test
    void aFrameWithoutRowsStillNamesItsExecutionAndColumns() {
        ByteBuffer in = ByteBuffer.wrap(ColumnarFrames.encode(3, List.of(), List.of(DataType.TIMESTAMP))).order(ByteOrder.LITTLE_ENDIAN);
        in.position(4);
        assertEquals(3, in.getLong());
        assertEquals(0, in.getInt());
        assertEquals(1, in.getInt());
        assertEquals(List.of(ColumnarFrames.KIND_TIMESTAMP, (byte) 0), List.of(in.get(), in.get()));
        assertEquals(0, in.remaining());
    }
}
