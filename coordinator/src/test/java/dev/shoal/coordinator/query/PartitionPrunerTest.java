package dev.shoal.coordinator.query;

import dev.shoal.catalog.StoredCatalog;
import dev.shoal.core.catalog.DataFile;
import dev.shoal.core.catalog.Partition;
import dev.shoal.core.catalog.SchemaDefinition;
import dev.shoal.core.catalog.TableDefinition;
import dev.shoal.core.catalog.TableKind;
import dev.shoal.core.expr.Call;
import dev.shoal.core.expr.Expr;
import dev.shoal.core.expr.InputRef;
import dev.shoal.core.expr.Literal;
import dev.shoal.core.expr.Op;
import dev.shoal.core.plan.FilterNode;
import dev.shoal.core.plan.LimitNode;
import dev.shoal.core.plan.PartitionSelection;
import dev.shoal.core.plan.PlanNode;
import dev.shoal.core.plan.ScanColumn;
import dev.shoal.core.plan.TableScanNode;
import dev.shoal.core.type.DataType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class PartitionPrunerTest {
    private static final List<ScanColumn> COLUMNS = List.of(new ScanColumn("id", DataType.BIGINT),
            new ScanColumn("mode", DataType.VARCHAR), new ScanColumn("year", DataType.BIGINT));
    private static StoredCatalog catalog;
    private static PartitionPruner pruner;

    @BeforeAll
    static void createTable() {
        catalog = StoredCatalog.temporary();
        catalog.createSchema(SchemaDefinition.named("s"));
        List<Partition> partitions = List.of(partition("AIR", "2023"), partition("AIR", "2024"), partition("MAIL", "2024"),
                partition(null, "2024"));
        catalog.createTable(new TableDefinition("s", "t", "s3://lake/t/", COLUMNS, TableKind.MANAGED, Map.of(), Optional.of(List.of()),
                List.of("mode", "year"), partitions));
        catalog.createTable(new TableDefinition("s", "plain", "s3://lake/plain/", COLUMNS));
        pruner = new PartitionPruner(catalog);
    }

    @AfterAll
    static void close() {
        catalog.close();
    }

    private static Partition partition(String mode, String year) {
        List<DataFile> files = List.of(new DataFile("s3://lake/t/" + mode + year + "/a.parquet", 10, 1),
                new DataFile("s3://lake/t/" + mode + year + "/b.parquet", 10, 1));
        return new Partition(Arrays.asList(mode, year), "s3://lake/t/mode=" + mode + "/year=" + year + "/", Optional.of(files));
    }

    private static PartitionSelection selectionOf(PlanNode plan) {
        PlanNode node = pruner.prune(plan);
        while (!(node instanceof TableScanNode)) {
            node = node.inputs().get(0);
        }
        return ((TableScanNode) node).partitions();
    }

    private static Expr equal(Expr left, Expr right) {
        return new Call(Op.EQUAL, DataType.BOOLEAN, left, right);
    }

    private static final TableScanNode SCAN = new TableScanNode("s.t", COLUMNS, List.of());
    private static final Expr MODE = new InputRef(1, DataType.VARCHAR);
    private static final Expr YEAR = new InputRef(2, DataType.BIGINT);
    private static final Expr ID = new InputRef(0, DataType.BIGINT);

    @Test
    void conjunctsOnPartitionColumnsKeepOnlyTheMatchingPartitions() {
        PartitionSelection air2024 = selectionOf(new FilterNode(SCAN, new Call(Op.AND, DataType.BOOLEAN,
                equal(MODE, Literal.ofString("AIR")), equal(YEAR, Literal.ofLong(2024, DataType.BIGINT)),
                new Call(Op.GREATER_THAN, DataType.BOOLEAN, ID, Literal.ofLong(5, DataType.BIGINT)))));
        assertEquals(List.of(List.of("AIR", "2024")), air2024.kept());
        assertEquals("partitions=1/4 files=2/8", air2024.describe());
    }

    @Test
    void aNullPartitionIsKeptByIsNullAndDroppedByAComparison() {
        assertEquals(List.of(Arrays.asList(null, "2024")),
                selectionOf(new FilterNode(SCAN, new Call(Op.IS_NULL, DataType.BOOLEAN, MODE))).kept());
        assertEquals(3, selectionOf(new FilterNode(SCAN, new Call(Op.NOT_EQUAL, DataType.BOOLEAN, MODE, Literal.ofString("x"))))
                .kept().size(), "NULL <> 'x' is NULL: not kept");
    }

    @Test
    void aDisjunctionOverDataAndPartitionColumnsOrNoFilterKeepsEverything() {
        Expr either = new Call(Op.OR, DataType.BOOLEAN, equal(MODE, Literal.ofString("AIR")), equal(ID, Literal.ofLong(1, DataType.BIGINT)));
        assertEquals(4, selectionOf(new FilterNode(SCAN, either)).kept().size());
        assertEquals(4, selectionOf(new LimitNode(SCAN, 0, 10)).kept().size());
        assertNull(selectionOf(new FilterNode(new TableScanNode("s.plain", COLUMNS, List.of()), equal(MODE, Literal.ofString("AIR")))),
                "a table without partitions gets no selection");
    }
}
