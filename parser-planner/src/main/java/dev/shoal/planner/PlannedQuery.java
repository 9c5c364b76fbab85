package dev.shoal.planner;

import dev.shoal.core.plan.PlanNode;
import dev.shoal.core.type.DataType;

import java.util.List;

/** A planned query: the plan, the names and types of its result columns, and what planning cost. */
public record PlannedQuery(PlanNode root, List<String> columnNames, List<DataType> columnTypes, long planningNanos) {
    public PlannedQuery {
        columnNames = List.copyOf(columnNames);
        columnTypes = List.copyOf(columnTypes);
    }
}
