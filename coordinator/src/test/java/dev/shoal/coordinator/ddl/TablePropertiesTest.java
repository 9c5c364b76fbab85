package dev.shoal.coordinator.ddl;

import dev.shoal.core.error.ErrorCode;
import dev.shoal.core.error.ShoalException;
import dev.shoal.planner.parser.ShoalParser;
import dev.shoal.planner.parser.ddl.SqlCreateTableAs;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
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
    void partitioningAndBucketingAreRead() {
        TableProperties properties = of("partitioned_by = ARRAY['Day'], bucketed_by = ARRAY['id', 'name'], bucket_count = 8");
        assertEquals(List.of("day"), properties.partitionedBy(), "names fold to lower case");
        assertEquals(List.of("id", "name"), properties.bucketedBy());
        assertEquals(8, properties.bucketCount());
        assertEquals(Map.of("bucketed_by", "id,name", "bucket_count", "8", "bucketing_version", "1"), properties.bucketingProperties());
    }

    @Test
    void badPropertiesAreNamed() {
        assertEquals(ErrorCode.NOT_SUPPORTED, refused("format = 'ORC'").code());
        assertTrue(refused("write_compression = 'LZ4'").getMessage().contains("not one of SNAPPY, ZSTD, GZIP, NONE"));
        assertTrue(refused("colour = 'red'").getMessage().contains("unknown table property colour"));
        assertTrue(refused("bucket_count = 4").getMessage().contains("bucketed_by and bucket_count go together"));
        assertTrue(refused("bucketed_by = ARRAY['a'], bucket_count = 0").getMessage().contains("from 1 to 100000, got 0"));
        assertTrue(refused("bucketed_by = ARRAY['a'], bucket_count = 2.5").getMessage().contains("whole number"));
        assertTrue(refused("partitioned_by = 'a'").getMessage().contains("wants column names such as ARRAY['col1', 'col2']"));
        assertTrue(refused("partitioned_by = ARRAY['a', 'A']").getMessage().contains("names a twice"));
        assertTrue(refused("format = 1").getMessage().contains("wants a string"));
    }
}
