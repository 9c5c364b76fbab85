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
        LongsBuilder wide = (LongsBuilder) VectorBuilder.create(DataType.decimal(38, 0), 4);
        wide.appendNull();
        wide.appendValue(BigInteger.ONE.shiftLeft(100));
        wide.appendAll(new long[] {9, -5, 7}, 1, 2);
        ColumnVector built = wide.build();
        assertEquals(4, built.size());
        assertTrue(built.isNull(0));
        assertEquals("-5", built.valueAt(2).toString(), "a negative long widens with its sign");
        assertEquals("7", built.valueAt(3).toString());

        BytesBuilder bytes = (BytesBuilder) VectorBuilder.create(DataType.VARCHAR, 1);
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

    @Test
    void spreadingDefinedValuesOverRowsWithNullsGivesWhatAppendingOneByOneGives() {
        java.util.Random random = new java.util.Random(7);
        for (int round = 0; round < 20; round++) {
            int count = 1 + random.nextInt(300);
            int[] definitions = new int[count];
            long[] dense = new long[count];
            double[] denseDoubles = new double[count];
            byte[][] dictionary = {"a".getBytes(StandardCharsets.UTF_8), "".getBytes(StandardCharsets.UTF_8),
                    "longer value".getBytes(StandardCharsets.UTF_8)};
            int[] ids = new int[count];
            LongsBuilder oneByOne = (LongsBuilder) VectorBuilder.create(DataType.BIGINT, 4);
            DoublesBuilder doublesOneByOne = (DoublesBuilder) VectorBuilder.create(DataType.DOUBLE, 4);
            BytesBuilder bytesOneByOne = (BytesBuilder) VectorBuilder.create(DataType.VARCHAR, 4);
            long[] longDictionary = {5, -7, Long.MAX_VALUE};
            LongsBuilder gatheredOneByOne = (LongsBuilder) VectorBuilder.create(DataType.BIGINT, 4);
            gatheredOneByOne.append(-1);
            // A prefix without NULLs first, so that the mask is created midway.
            oneByOne.append(-1);
            doublesOneByOne.append(-1.5);
            bytesOneByOne.append(dictionary[2]);
            int defined = 0;
            for (int i = 0; i < count; i++) {
                boolean isNull = round % 5 != 0 && random.nextInt(4) == 0;
                definitions[i] = isNull ? 0 : 1;
                if (isNull) {
                    oneByOne.appendNull();
                    doublesOneByOne.appendNull();
                    bytesOneByOne.appendNull();
                    gatheredOneByOne.appendNull();
                    continue;
                }
                long value = random.nextLong();
                dense[defined] = value;
                denseDoubles[defined] = value / 3.0;
                ids[defined] = random.nextInt(dictionary.length);
                oneByOne.append(value);
                doublesOneByOne.append(value / 3.0);
                bytesOneByOne.append(dictionary[ids[defined]]);
                gatheredOneByOne.append(longDictionary[ids[defined]]);
                defined++;
            }
            LongsBuilder spread = (LongsBuilder) VectorBuilder.create(DataType.BIGINT, 4);
            DoublesBuilder doublesSpread = (DoublesBuilder) VectorBuilder.create(DataType.DOUBLE, 4);
            BytesBuilder bytesSpread = (BytesBuilder) VectorBuilder.create(DataType.VARCHAR, 4);
            spread.append(-1);
            doublesSpread.append(-1.5);
            bytesSpread.append(dictionary[2]);
            spread.appendSpread(dense, definitions, 1, count);
            doublesSpread.appendSpread(denseDoubles, definitions, 1, count);
            bytesSpread.appendGatheredSpread(dictionary, ids, definitions, 1, count);
            LongsBuilder gatheredSpread = (LongsBuilder) VectorBuilder.create(DataType.BIGINT, 4);
            gatheredSpread.append(-1);
            gatheredSpread.appendGatheredSpread(longDictionary, ids, definitions, 1, count);
            assertSameValues(gatheredOneByOne.build(), gatheredSpread.build());
            assertSameValues(oneByOne.build(), spread.build());
            assertSameValues(doublesOneByOne.build(), doublesSpread.build());
            assertSameValues(bytesOneByOne.build(), bytesSpread.build());
        }
    }

    private static void assertSameValues(ColumnVector expected, ColumnVector actual) {
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.isNull(i), actual.isNull(i), "null at " + i);
            assertEquals(expected.valueAt(i), actual.valueAt(i), "value at " + i);
        }
    }
}
