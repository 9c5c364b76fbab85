package dev.shoal.planner;

import dev.shoal.core.plan.PlanNode;
import dev.shoal.core.type.DataType;
import dev.shoal.planner.distribute.Fragment;

import java.util.List;

/**
 * A planned query: the logical plan, its fragments for the cluster, the names and types of its
 * result columns, and what each planning phase cost.
 */
public record PlannedQuery(PlanNode root, List<Fragment> fragments, List<String> columnNames, List<DataType> columnTypes,
                           List<PhaseTime> phases) {
    public PlannedQuery {
        fragments = List.copyOf(fragments);
        columnNames = List.copyOf(columnNames);
        columnTypes = List.copyOf(columnTypes);
        phases = List.copyOf(phases);
    }

    public long planningNanos() {
        return phases.stream().mapToLong(PhaseTime::nanos).sum();
    }
}
