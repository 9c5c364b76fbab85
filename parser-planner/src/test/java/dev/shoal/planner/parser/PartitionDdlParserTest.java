package dev.shoal.planner.parser;

import dev.shoal.planner.parser.ddl.PartitionSpec;
import dev.shoal.planner.parser.ddl.SqlAlterPartitions;
import dev.shoal.planner.parser.ddl.SqlAlterTable;
import dev.shoal.planner.parser.ddl.SqlInsertOverwrite;
import dev.shoal.planner.parser.ddl.SqlRepairTable;
import dev.shoal.planner.parser.ddl.SqlShow;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlInsert;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The partition statements, in Hive's and Athena's spellings. */
class PartitionDdlParserTest {
    private static <T> T parse(Class<T> type, String sql) {
        return assertInstanceOf(type, ShoalParser.parse(sql));
    }

    @Test
    void addPartitionTakesSeveralSpecsEachWithItsLocation() {
        SqlAlterPartitions add = parse(SqlAlterPartitions.class, "alter table lake.events add if not exists "
                + "partition (Year = 2024, day = DATE '2024-01-31') location 's3://x/y/' partition (year = -1, day = NULL)");
        assertTrue(add.add() && add.lenient());
        assertEquals(List.of(new PartitionSpec(List.of("year", "day"), List.of("2024", "2024-01-31"), Optional.of("s3://x/y/")),
                new PartitionSpec(List.of("year", "day"), Arrays.asList("-1", null), Optional.empty())), add.partitions());
        assertFalse(parse(SqlAlterPartitions.class, "alter table t add partition (k = 'a')").lenient());
    }

    @Test
    void dropPartitionTakesCommaSeparatedSpecsAndAddColumnStillParses() {
        SqlAlterPartitions drop = parse(SqlAlterPartitions.class, "alter table t drop if exists partition (k = 'a'), partition (k = 'b')");
        assertFalse(drop.add());
        assertTrue(drop.lenient());
        assertEquals(List.of(List.of("a"), List.of("b")), drop.partitions().stream().map(PartitionSpec::values).toList());
        assertTrue(parse(SqlAlterTable.class, "alter table t add column c bigint").addedColumn().isPresent());
        assertTrue(parse(SqlAlterTable.class, "alter table t add c bigint").addedColumn().isPresent());
    }

    @Test
    void showPartitionsAndMsckRepair() {
        SqlShow show = parse(SqlShow.class, "show partitions lake.events");
        assertEquals(SqlShow.Subject.PARTITIONS, show.subject());
        assertEquals("lake.events", show.schema().orElseThrow().toString());
        assertEquals(SqlRepairTable.Mode.ADD, parse(SqlRepairTable.class, "MSCK REPAIR TABLE events").mode());
        assertEquals(SqlRepairTable.Mode.SYNC, parse(SqlRepairTable.class, "msck repair table events sync partitions").mode());
    }

    @Test
    void insertOverwriteIsAnInsertThatReplaces() {
        SqlInsertOverwrite overwrite = parse(SqlInsertOverwrite.class, "insert overwrite table t (a, b) select 1, 2");
        assertEquals("t", ((SqlIdentifier) overwrite.getTargetTable()).getSimple());
        assertEquals(2, overwrite.getTargetColumnList().size());
        assertInstanceOf(SqlInsertOverwrite.class, ShoalParser.parse("insert overwrite t select * from u"));
        assertFalse(ShoalParser.parse("insert into t select * from u") instanceof SqlInsertOverwrite);
        assertInstanceOf(SqlInsert.class, ShoalParser.parse("insert into t values (1)"));
    }

    @Test
    void theNewWordsStayNames() {
        ShoalParser.parse("select partitions, msck, repair, sync, overwrite from t");
    }
}
