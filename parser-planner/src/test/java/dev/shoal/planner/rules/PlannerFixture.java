package dev.shoal.planner.rules;

import dev.shoal.catalog.StoredCatalog;
import dev.shoal.core.catalog.TableDefinition;
import dev.shoal.core.plan.PlanNode;
import dev.shoal.core.plan.ScanColumn;
import dev.shoal.core.type.DataType;
import dev.shoal.planner.QueryPlanner;

import java.util.ArrayList;
import java.util.List;

/** A one-table catalog and the planner over it, for rule tests on small plans. */
final class PlannerFixture {
    static final QueryPlanner PLANNER;

    static {
        StoredCatalog catalog = StoredCatalog.temporary();
        DataType money = DataType.decimal(15, 2);
        catalog.createTable(new TableDefinition("s", "lineitem", "s3://lake/lineitem/", List.of(
                new ScanColumn("l_orderkey", DataType.BIGINT), new ScanColumn("l_suppkey", DataType.BIGINT),
                new ScanColumn("l_quantity", money), new ScanColumn("l_discount", money))));
        PLANNER = new QueryPlanner(catalog, "s");
    }

    private PlannerFixture() {
    }

    static PlanNode plan(String sql) {
        return PLANNER.plan(sql).root();
    }

    /** Every node of the plan, depth first. */
    static List<PlanNode> nodes(PlanNode root) {
        List<PlanNode> out = new ArrayList<>();
        out.add(root);
        root.inputs().forEach(input -> out.addAll(nodes(input)));
        return out;
    }
}
