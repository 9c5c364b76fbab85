package dev.shoal.planner.parser;

import dev.shoal.core.error.ShoalException;
import dev.shoal.planner.parser.ddl.SqlCreateExternalTable;
import dev.shoal.planner.parser.ddl.SqlCreateSchema;
import dev.shoal.planner.parser.ddl.SqlCreateTable;
import dev.shoal.planner.parser.ddl.SqlCreateTableAs;
import dev.shoal.planner.parser.ddl.SqlDropRelation;
import dev.shoal.planner.parser.ddl.SqlDropSchema;
import dev.shoal.planner.parser.ddl.SqlShow;
import org.apache.calcite.sql.SqlDescribeTable;
import org.apache.calcite.sql.SqlKind;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DdlParserTest {
    private static <T> T parse(Class<T> type, String sql) {
        return assertInstanceOf(type, ShoalParser.parse(sql));
    }

    @Test
    void createAndDropSchemaInAthenasAndTrinosSpellings() {
        SqlCreateSchema create = parse(SqlCreateSchema.class, "create database if not exists Sales location 's3://lake/sales/'");
        assertTrue(create.ifNotExists);
        assertEquals("sales", create.name().getSimple());
        assertEquals(Optional.of("s3://lake/sales/"), create.location());
        assertFalse(parse(SqlCreateSchema.class, "CREATE SCHEMA s").ifNotExists);

        SqlDropSchema drop = parse(SqlDropSchema.class, "drop schema if exists s cascade");
        assertTrue(drop.ifExists);
        assertTrue(drop.cascade());
        assertFalse(parse(SqlDropSchema.class, "drop database s restrict").cascade());
    }

    @Test
    void createExternalTableWithEveryClause() {
        SqlCreateExternalTable table = parse(SqlCreateExternalTable.class, """
                CREATE EXTERNAL TABLE IF NOT EXISTS lake.events (
                  id bigint COMMENT 'event id',
                  amount decimal(12, 2),
                  name string
                )
                COMMENT 'raw events'
                PARTITIONED BY (dt date)
                STORED AS PARQUET
                LOCATION 's3://lake/events/'
                TBLPROPERTIES ('parquet.compression' = 'SNAPPY', 'owner' = 'it''s me')""");
        assertTrue(table.ifNotExists);
        assertEquals(List.of("lake", "events"), table.name().names);
        assertEquals(List.of("id", "amount", "name"), table.columns().stream().map(c -> c.name().getSimple()).toList());
        assertEquals(Optional.of("event id"), table.columns().get(0).comment());
        assertEquals("dt", table.partitionColumns().get(0).name().getSimple());
        assertEquals(Optional.of("raw events"), table.comment());
        assertEquals("parquet", table.format().getSimple());
        assertEquals("s3://lake/events/", table.location());
        assertEquals(Map.of("parquet.compression", "SNAPPY", "owner", "it's me"), table.properties());
    }

    @Test
    void createExternalTableWithoutColumnsTakesThemFromTheFiles() {
        SqlCreateExternalTable table = parse(SqlCreateExternalTable.class,
                "create external table t stored as parquet location 's3://lake/t/'");
        assertTrue(table.columns().isEmpty());
        assertFalse(table.ifNotExists);
    }

    @Test
    void dropTableAndShow() {
        SqlDropRelation dropTable = parse(SqlDropRelation.class, "drop table if exists lake.t");
        assertTrue(dropTable.ifExists);
        assertFalse(dropTable.view());
        assertTrue(parse(SqlDropRelation.class, "drop view v").view());
        SqlShow schemas = parse(SqlShow.class, "show databases like 'sa%'");
        assertEquals(SqlShow.Subject.SCHEMAS, schemas.subject());
        assertEquals(Optional.of("sa%"), schemas.like());
        assertTrue(schemas.schema().isEmpty());
        SqlShow ofCatalog = parse(SqlShow.class, "SHOW SCHEMAS FROM system LIKE 'r%'");
        assertEquals("system", ofCatalog.schema().orElseThrow().getSimple());
        assertEquals(Optional.of("r%"), ofCatalog.like());
        assertEquals("shoal", parse(SqlShow.class, "show schemas in shoal").schema().orElseThrow().getSimple());
        SqlShow tables = parse(SqlShow.class, "SHOW TABLES FROM lake LIKE 'e_%'");
        assertEquals(SqlShow.Subject.TABLES, tables.subject());
        assertEquals("lake", tables.schema().orElseThrow().getSimple());
        assertTrue(parse(SqlShow.class, "show tables").schema().isEmpty());
        SqlShow columns = parse(SqlShow.class, "show columns from lake.t");
        assertEquals(SqlShow.Subject.COLUMNS, columns.subject());
        assertEquals(List.of("lake", "t"), columns.schema().orElseThrow().names);
        assertEquals(SqlShow.Subject.CREATE_TABLE, parse(SqlShow.class, "SHOW CREATE TABLE t").subject());
        assertEquals("t", parse(SqlDescribeTable.class, "describe t").getTable().getSimple());
    }

    @Test
    void createTableAsWithPropertiesAndNoData() {
        SqlCreateTableAs ctas = parse(SqlCreateTableAs.class, """
                create table if not exists lake.summary
                with (format = 'PARQUET', write_compression = 'ZSTD', partitioned_by = ARRAY['flag'])
                as select l_returnflag as flag, count(*) as n from lineitem group by 1
                with no data""");
        assertTrue(ctas.ifNotExists);
        assertEquals(List.of("format", "write_compression", "partitioned_by"), List.copyOf(ctas.properties().keySet()));
        assertEquals(SqlKind.SELECT, ctas.query().getKind());
        assertFalse(ctas.withData());
        assertTrue(parse(SqlCreateTableAs.class, "create table t as with x as (select 1 as a) select a from x with data").withData());
    }

    @Test
    void createTableWithColumnsIsAnEmptyTable() {
        SqlCreateTable table = parse(SqlCreateTable.class,
                "create table if not exists lake.events (id bigint, name string) with (write_compression = 'ZSTD')");
        assertTrue(table.ifNotExists);
        assertEquals(List.of("id", "name"), table.columns().stream().map(c -> c.name().getSimple()).toList());
        assertEquals(List.of("write_compression"), List.copyOf(table.properties().keySet()));
    }

    @Test
    void theNewWordsStayNames() {
        ShoalParser.parse("select if(location > 1, comment, tables) from schemas where stored = 1");
        ShoalParser.parse("create schema if");
    }

    @Test
    void aMissingLocationIsASyntaxErrorNamingWhere() {
        ShoalException e = assertThrows(ShoalException.class, () -> ShoalParser.parse("create external table t stored as parquet"));
        assertTrue(e.getMessage().contains("line 1, column"), e.getMessage());
    }
}
