package dev.shoal.parquet.reader;

import dev.shoal.core.batch.BytesBuilder;
import dev.shoal.core.batch.LongVector;
import dev.shoal.core.batch.LongsBuilder;
import dev.shoal.core.batch.VarcharVector;
import dev.shoal.core.batch.VectorBuilder;
import dev.shoal.core.type.DataType;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PlainValuesTest {
    private static ByteBuffer page(int capacity) {
        return ByteBuffer.allocate(capacity).order(ByteOrder.LITTLE_ENDIAN);
    }

    @Test
    void int32sAndInt64sAreLittleEndianTimesTheRescaleFactor() {
        ByteBuffer ints = page(3 + 12).position(3);
        ints.putInt(1).putInt(-2).putInt(Integer.MAX_VALUE);
        ByteBuffer longs = page(16).putLong(Long.MIN_VALUE / 10).putLong(42);
        LongsBuilder builder = (LongsBuilder) VectorBuilder.create(DataType.decimal(18, 2), 1);
        PlainValues plain = new PlainValues();
        plain.int32s(ints.array(), 3, 3, 10, builder);
        plain.int64s(longs.array(), 0, 2, 1, builder);
        LongVector vector = (LongVector) builder.build();
        List<Long> values = List.of(vector.get(0), vector.get(1), vector.get(2), vector.get(3), vector.get(4));
        assertEquals(List.of(10L, -20L, Integer.MAX_VALUE * 10L, Long.MIN_VALUE / 10, 42L), values);
    }

    @Test
    void binariesAreLengthPrefixedAndReuseScratchAcrossPages() {
        PlainValues plain = new PlainValues();
        BytesBuilder builder = (BytesBuilder) VectorBuilder.create(DataType.VARCHAR, 1);
        for (List<String> strings : List.of(List.of("a", "", "héllo"), List.of("longer page of text", "x", "y", "z"))) {
            ByteBuffer page = page(256);
            for (String s : strings) {
                byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
                page.putInt(bytes.length).put(bytes);
            }
            plain.binaries(page.array(), 0, page.position(), strings.size(), builder);
        }
        VarcharVector vector = (VarcharVector) builder.build();
        assertEquals(7, vector.size());
        assertEquals("héllo", vector.getString(2));
        assertEquals("longer page of text", vector.getString(3));
        assertEquals("z", vector.getString(6));
    }

    @Test
    void aLengthPastThePageEndIsRefused() {
        ByteBuffer page = page(8).putInt(100).putInt(0);
        BytesBuilder builder = (BytesBuilder) VectorBuilder.create(DataType.VARCHAR, 1);
        assertThrows(IllegalArgumentException.class, () -> new PlainValues().binaries(page.array(), 0, 8, 1, builder));
    }
}
