package dev.shoal.coordinator.server;

import dev.shoal.planner.parser.ShoalParser;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SlotsTest {
    private static boolean takesSlot(String sql) {
        return Slots.takesSlot(ShoalParser.parse(sql));
    }

    @Test
    void queriesAndWritesTakeASlot() {
        assertTrue(takesSlot("select * from lineitem"));
        assertTrue(takesSlot("select * from system.runtime.queries q join tpch.nation n on q.query = n.n_name"));
        assertTrue(takesSlot("select * from system.runtime.queries where query in (select n_name from nation)"));
        assertTrue(takesSlot("with q as (select 1) select * from q"));
        assertTrue(takesSlot("insert into t select * from s"));
        assertTrue(takesSlot("create table t as select 1 x"));
        assertTrue(takesSlot("explain analyze select * from lineitem"));
    }

    @Test
    void theCoordinatorsOwnTablesAndCommandsDoNot() {
        assertFalse(takesSlot("select * from system.runtime.queries where state = 'QUEUED'"));
        assertFalse(takesSlot("select count(*) from information_schema.tables t, system.runtime.nodes n"));
        assertFalse(takesSlot("select 1"));
        assertFalse(takesSlot("explain select * from lineitem"));
        assertFalse(takesSlot("show tables"));
        assertFalse(takesSlot("set session query_max_run_time = '1h'"));
        assertFalse(takesSlot("call system.runtime.kill_query('x')"));
        assertFalse(takesSlot("create schema s"));
    }
}
