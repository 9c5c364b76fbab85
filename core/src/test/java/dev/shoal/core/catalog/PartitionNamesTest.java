package dev.shoal.core.catalog;

import dev.shoal.core.error.ErrorCode;
import dev.shoal.core.error.ShoalException;
import dev.shoal.core.type.DataType;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PartitionNamesTest {
    @Test
    void valuesAreEscapedAsHiveEscapesThemAndReadBack() {
        List<String> keys = List.of("city", "day");
        List<String> values = Arrays.asList("São Paulo/SP=1%", null);
        String name = PartitionNames.name(keys, values);
        assertEquals("city=São Paulo%2FSP%3D1%25/day=__HIVE_DEFAULT_PARTITION__", name);
        assertEquals(values, PartitionNames.values(keys, name));
        assertEquals("a:b", PartitionNames.unescape("a%3Ab"), "other writers' escapes read back");
        assertEquals("é", PartitionNames.unescape("%C3%A9"), "UTF-8 bytes escaped one by one");
        assertEquals("100%", PartitionNames.unescape("100%"), "a malformed escape is kept as written");
    }

    @Test
    void aNameWithOtherKeysIsRefusedNamingBoth() {
        ShoalException e = assertThrows(ShoalException.class, () -> PartitionNames.values(List.of("year", "month"), "month=1/year=2024"));
        assertEquals(ErrorCode.INVALID_ARGUMENT, e.code());
        assertEquals("partition month=1/year=2024 does not name the partition columns year, month in order", e.getMessage());
    }

    @Test
    void valuesParseAsTheirColumnTypeAndFormatAsHiveSpellsThem() {
        assertEquals(19_723L, PartitionValues.parse("2024-01-01", DataType.DATE, "d"));
        assertEquals(1250L, PartitionValues.parse("12.5", DataType.decimal(10, 2), "p"));
        assertEquals(new BigInteger("123456789012345678901"), PartitionValues.parse("123456789012345678901", DataType.decimal(30, 0), "p"));
        assertEquals(1_704_067_200_500_000L, PartitionValues.parse("2024-01-01 00:00:00.5", DataType.TIMESTAMP, "t"));
        assertEquals(true, PartitionValues.parse("TRUE", DataType.BOOLEAN, "b"));
        assertEquals(null, PartitionValues.parse(null, DataType.BIGINT, "n"));
        assertEquals("12.50", PartitionValues.format(1250L, DataType.decimal(10, 2)));
        assertEquals("2024-01-01", PartitionValues.format(19_723L, DataType.DATE));
        assertEquals("2024-01-01 00:00:00.5", PartitionValues.format(1_704_067_200_500_000L, DataType.TIMESTAMP));
        ShoalException e = assertThrows(ShoalException.class, () -> PartitionValues.parse("abc", DataType.BIGINT, "n"));
        assertEquals("partition value 'abc' of column n is not a BIGINT", e.getMessage());
        assertThrows(ShoalException.class, () -> PartitionValues.parse("1.234", DataType.decimal(10, 2), "p"), "no rounding");
    }
}
