package dev.shoal.core.catalog;

import dev.shoal.core.type.DataType;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class HiveBucketsTest {
    @Test
    void valuesHashAsHiveObjectInspectorUtilsHashesThem() {
        assertEquals(5, HiveBuckets.hash(5L, DataType.INTEGER));
        assertEquals(0, HiveBuckets.hash((1L << 32) + 1, DataType.BIGINT), "the two halves of a BIGINT XORed");
        assertEquals(-1, HiveBuckets.hash(-1L << 32, DataType.BIGINT), "0xFFFFFFFF00000000: its halves XOR to -1");
        assertEquals("shipmode".hashCode(), HiveBuckets.hash("shipmode", DataType.VARCHAR), "an ASCII string as Java's String.hashCode");
        assertEquals(31 * (byte) 0xC3 + (byte) 0xA9, HiveBuckets.hash("é", DataType.VARCHAR), "over UTF-8 bytes, signed");
        assertEquals(19_723, HiveBuckets.hash(19_723L, DataType.DATE));
        assertEquals(1, HiveBuckets.hash(true, DataType.BOOLEAN));
        assertEquals(0, HiveBuckets.hash(null, DataType.BIGINT));
        long bits = Double.doubleToLongBits(2.5);
        assertEquals((int) (bits ^ (bits >>> 32)), HiveBuckets.hash(2.5, DataType.DOUBLE));
    }

    @Test
    void columnsFoldBy31AndTheSignBitIsDroppedBeforeTheModulo() {
        List<DataType> types = List.of(DataType.INTEGER, DataType.VARCHAR);
        int hash = 31 * 7 + "ab".hashCode();
        assertEquals((hash & Integer.MAX_VALUE) % 16, HiveBuckets.bucket(new Object[] {7L, "ab"}, types, 16));
        assertEquals((-5 & Integer.MAX_VALUE) % 4, HiveBuckets.bucket(new Object[] {-5L}, List.of(DataType.INTEGER), 4));
    }
}
