package dev.shoal.coordinator.query;

import dev.shoal.core.batch.Batch;
import dev.shoal.core.batch.BooleanVector;
import dev.shoal.core.batch.ColumnVector;
import dev.shoal.core.batch.VectorBuilder;
import dev.shoal.core.catalog.Catalog;
import dev.shoal.core.catalog.Partition;
import dev.shoal.core.catalog.PartitionValues;
import dev.shoal.core.catalog.TableDefinition;
import dev.shoal.core.error.ShoalException;
import dev.shoal.core.expr.Expr;
import dev.shoal.core.expr.Exprs;
import dev.shoal.core.plan.DynamicFilterNode;
import dev.shoal.core.plan.FilterNode;
import dev.shoal.core.plan.PartitionSelection;
import dev.shoal.core.plan.PlanNode;
import dev.shoal.core.plan.ScanColumn;
import dev.shoal.core.plan.TableScanNode;
import dev.shoal.exec.expression.ExpressionCompiler;
import dev.shoal.exec.expression.VectorExpression;
import dev.shoal.parquet.catalog.TableFiles;
import dev.shoal.parquet.store.ObjectStore;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Chooses the partitions each scan of a partitioned table reads, before any file is listed: the
 * conjuncts of the filter right above the scan that use partition columns only are evaluated on
 * each partition's values, with the executor's own expressions (so pruning and filtering agree
 * on every function and cast), and a partition is kept unless one of them is FALSE or NULL.
 */
final class PartitionPruner {
    private final Catalog catalog;
    /** Where an external table's files are listed to count them, for EXPLAIN; null not to count them. */
    private final ObjectStore store;

    PartitionPruner(Catalog catalog) {
        this(catalog, null);
    }

    PartitionPruner(Catalog catalog, ObjectStore store) {
        this.catalog = catalog;
        this.store = store;
    }

    PlanNode prune(PlanNode node) {
        return prune(node, List.of());
    }

    /** {@code conjuncts}: the filter over {@code node}'s output, when nothing but dynamic filters lies between them. */
    private PlanNode prune(PlanNode node, List<Expr> conjuncts) {
        if (node instanceof TableScanNode scan) {
            return select(scan, conjuncts);
        }
        if (node instanceof FilterNode filter) {
            return filter.withInputs(List.of(prune(filter.input(), Exprs.conjuncts(filter.predicate()))));
        }
        if (node instanceof DynamicFilterNode dynamic) {
            return dynamic.withInputs(List.of(prune(dynamic.input(), conjuncts)));
        }
        return node.inputs().isEmpty() ? node : node.withInputs(node.inputs().stream().map(input -> prune(input, List.of())).toList());
    }

    private TableScanNode select(TableScanNode scan, List<Expr> conjuncts) {
        Optional<TableDefinition> found = catalog.table(scan.table());
        if (found.isEmpty() || !found.get().isPartitioned()) {
            return scan;
        }
        TableDefinition table = found.get();
        List<VectorExpression> tests = new ArrayList<>();
        for (Expr conjunct : conjuncts) {
            if (onPartitionColumnsOnly(conjunct, scan, table)) {
                tests.add(ExpressionCompiler.compile(conjunct));
            }
        }
        List<List<String>> kept = new ArrayList<>();
        long keptFiles = 0;
        long totalFiles = table.files().isPresent() ? 0 : -1;
        for (Partition partition : table.partitions()) {
            long files = partition.files().map(List::size).orElse(0);
            if (totalFiles >= 0) {
                totalFiles += files;
            }
            if (tests.isEmpty() || matches(partition, scan, table, tests)) {
                kept.add(partition.values());
                keptFiles += files;
            }
        }
        if (totalFiles < 0 && store != null) {
            Set<List<String>> keptValues = new HashSet<>(kept);
            totalFiles = TableFiles.list(store, table).size();
            keptFiles = TableFiles.list(store, table.withPartitions(table.partitions().stream()
                    .filter(p -> keptValues.contains(p.values())).toList())).size();
        }
        return scan.withPartitions(new PartitionSelection(kept, table.partitions().size(), totalFiles < 0 ? -1 : keptFiles, totalFiles));
    }

    private static boolean onPartitionColumnsOnly(Expr conjunct, TableScanNode scan, TableDefinition table) {
        BitSet inputs = new BitSet();
        Exprs.collectInputs(conjunct, inputs);
        return !inputs.isEmpty() && inputs.stream().allMatch(i -> table.isPartitionColumn(scan.columns().get(i).name()));
    }

    /** Evaluates the tests on one row holding the partition's values (the other columns NULL, which the tests do not read). */
    private static boolean matches(Partition partition, TableScanNode scan, TableDefinition table, List<VectorExpression> tests) {
        List<ColumnVector> row = new ArrayList<>();
        try {
            for (ScanColumn column : scan.columns()) {
                int key = indexOf(table.partitionColumns(), column.name());
                Object value = key < 0 ? null : PartitionValues.parse(partition.values().get(key), column.type(), column.name());
                row.add(VectorBuilder.constant(column.type(), value, 1));
            }
            Batch batch = new Batch(row, 1);
            for (VectorExpression test : tests) {
                if (!((BooleanVector) test.evaluate(batch)).isTrue(0)) {
                    return false;
                }
            }
            return true;
        } catch (ShoalException e) {
            // A value the filter cannot evaluate (a cast that fails): the scan's filter reports it, as without pruning.
            return true;
        }
    }

    private static int indexOf(List<String> names, String name) {
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).equalsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }
}
