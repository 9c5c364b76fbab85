package dev.shoal.coordinator.server;

import dev.shoal.planner.PlannedQuery;
import org.apache.calcite.sql.SqlNode;

/** A prepared statement: a query's plan, what to EXPLAIN of it, or a command run at execution (DDL, SHOW). */
record PlanOrExplain(PlannedQuery query, Explain explain, SqlNode command) {
    boolean isCommand() {
        return command != null;
    }
}
