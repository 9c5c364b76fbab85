package dev.shoal.coordinator.ddl;

import dev.shoal.core.error.ErrorCode;
import dev.shoal.core.error.ShoalException;
import dev.shoal.planner.parser.ShoalParser;
import dev.shoal.planner.parser.ddl.SqlCreateTableAs;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TablePropertiesTest {
    private static final TableName TABLE = new TableName("s", "t");

    private static TableProperties of(String with) {
        SqlCreateTableAs ctas = (SqlCreateTableAs) ShoalParser.parse("create table s.t with (" + with + ") as select 1 as a");
        return TableProperties.of(ctas.properties(), TABLE);
    }

    private static ShoalException refused(String with) {
        return assertThrows(ShoalException.class, () -> of(with));
    }

    @Test
    void formatCompressionAndLocationAreRead() {
        TableProperties properties = of("format = 'parquet', write_compression = 'zstd', external_location = 's3://lake/out'");
        assertEquals("ZSTD", properties.compression());
        assertEquals(Optional.of("s3://lake/out/"), properties.externalLocation(), "a location is a prefix");
        assertEquals("SNAPPY", of("format = 'PARQUET'").compression(), "Snappy unless told otherwise");
    }

    @Test
    void badPropertiesAreNamed() {
        assertEquals(ErrorCode.NOT_SUPPORTED, refused("format = 'ORC'").code());
        assertTrue(refused("write_compression = 'LZ4'").getMessage().contains("not one of SNAPPY, ZSTD, GZIP, NONE"));
        assertTrue(refused("colour = 'red'").getMessage().contains("unknown table property colour"));
        assertEquals(ErrorCode.NOT_SUPPORTED, refused("bucket_count = 4").code(), "bucketing is not there yet");
        assertTrue(refused("format = 1").getMessage().contains("wants a string"));
    }
}
