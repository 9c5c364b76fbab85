package dev.shoal.core.batch;

import dev.shoal.core.type.DataType;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VectorBuilderTest {
    @Test
    void buildsVectorsWithNullsAndGrows() {
        VectorBuilder strings = VectorBuilder.create(DataType.VARCHAR, 1);
        VectorBuilder longs = VectorBuilder.create(DataType.BIGINT, 1);
        for (int i = 0; i < 100; i++) {
            strings.appendValue(i % 3 == 0 ? null : "v" + i);
            longs.appendValue(i % 5 == 0 ? null : (long) i);
        }
        VarcharVector s = (VarcharVector) strings.build();
        LongVector l = (LongVector) longs.build();
        assertEquals(100, s.size());
        assertTrue(s.isNull(0));
        assertEquals("v1", s.getString(1));
        assertEquals("v98", s.valueAt(98));
        assertNull(l.valueAt(95));
        assertEquals(99L, l.valueAt(99));

        Batch batch = new Batch(List.of(s, l), 100);
        Batch taken = batch.take(new int[] {98, 0, 1}, 3);
        assertEquals("v98", taken.column(0).valueAt(0));
        assertTrue(taken.column(0).isNull(1));
        assertEquals(1L, taken.column(1).valueAt(2));
        assertFalse(taken.column(1).isNull(0));
    }

    @Test
    void bulkAppendsFollowNullsAndWideDecimals() {
        VectorBuilder.Longs wide = (VectorBuilder.Longs) VectorBuilder.create(DataType.decimal(38, 0), 4);
        wide.appendNull();
        wide.appendValue(BigInteger.ONE.shiftLeft(100));
        wide.appendAll(new long[] {9, -5, 7}, 1, 2);
        ColumnVector built = wide.build();
        assertEquals(4, built.size());
        assertTrue(built.isNull(0));
        assertEquals("-5", built.valueAt(2).toString(), "a negative long widens with its sign");
        assertEquals("7", built.valueAt(3).toString());

        VectorBuilder.Bytes bytes = (VectorBuilder.Bytes) VectorBuilder.create(DataType.VARCHAR, 1);
        bytes.appendNull();
        byte[] source = "xxabcyde".getBytes(StandardCharsets.UTF_8);
        bytes.appendSlices(source, new int[] {2, 6, 0}, new int[] {3, 2, 0}, 3, 5);
        VarcharVector strings = (VarcharVector) bytes.build();
        assertEquals(4, strings.size());
        assertTrue(strings.isNull(0));
        assertEquals(List.of("abc", "de", ""), List.of(strings.getString(1), strings.getString(2), strings.getString(3)));
    }

    @Test
    void varcharComparesAsUnsignedBytes() {
        VarcharVector v = (VarcharVector) VectorBuilder.constant(DataType.VARCHAR, "é", 1);
        VarcharVector w = (VarcharVector) VectorBuilder.constant(DataType.VARCHAR, "z", 1);
        assertTrue(v.compare(0, w, 0) > 0, "U+00E9 sorts after 'z' in code point order");
    }
}
