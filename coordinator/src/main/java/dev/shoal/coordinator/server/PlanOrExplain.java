package dev.shoal.coordinator.server;

import dev.shoal.planner.PlannedQuery;
import org.apache.calcite.sql.SqlNode;

/**
 * A prepared statement: a query's plan, what to EXPLAIN of it, or a command run at execution (DDL,
 * SHOW); and whether running it waits for a running-query slot ({@link Slots}).
 */
record PlanOrExplain(PlannedQuery query, Explain explain, SqlNode command, boolean takesSlot) {
    boolean isCommand() {
        return command != null;
    }
}
