package dev.shoal.exec.task;

import dev.shoal.core.batch.Batch;
import dev.shoal.core.batch.ColumnVector;
import dev.shoal.core.batch.VectorBuilder;
import dev.shoal.core.error.ShoalException;
import dev.shoal.core.expr.Call;
import dev.shoal.core.expr.Expr;
import dev.shoal.core.expr.InputRef;
import dev.shoal.core.expr.Literal;
import dev.shoal.core.expr.Op;
import dev.shoal.core.plan.AggregateCall;
import dev.shoal.core.plan.AggregateFunction;
import dev.shoal.core.plan.AggregateNode;
import dev.shoal.core.plan.FilterNode;
import dev.shoal.core.plan.PlanFragment;
import dev.shoal.core.plan.PlanNode;
import dev.shoal.core.plan.ProjectNode;
import dev.shoal.core.plan.ScanColumn;
import dev.shoal.core.plan.SortKey;
import dev.shoal.core.plan.SortNode;
import dev.shoal.core.plan.Split;
import dev.shoal.core.plan.TableScanNode;
import dev.shoal.core.plan.TopNNode;
import dev.shoal.core.serde.PlanCodec;
import dev.shoal.core.type.DataType;
import dev.shoal.exec.exchange.FlightClients;
import dev.shoal.exec.pipeline.DriverPool;
import dev.shoal.parquet.store.LocalObjectStore;
import dev.shoal.parquet.store.Location;
import dev.shoal.parquet.writer.ParquetBatchWriter;
import dev.shoal.parquet.writer.ParquetWriteOptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Hand-built plans run through serialization and the operators, compared with DuckDB on the same file. */
class TaskExecutorDifferentialTest {
    private static final DataType MONEY = DataType.decimal(15, 2);
    private static final List<ScanColumn> COLUMNS = List.of(
            new ScanColumn("flag", DataType.VARCHAR), new ScanColumn("status", DataType.VARCHAR),
            new ScanColumn("quantity", MONEY), new ScanColumn("price", MONEY),
            new ScanColumn("discount", MONEY), new ScanColumn("shipdate", DataType.DATE),
            new ScanColumn("comment", DataType.VARCHAR));
    private static final int ROWS = 30_000;

    @TempDir
    static Path dir;
    private static Path file;
    private static final LocalObjectStore store = new LocalObjectStore();

    @BeforeAll
    static void writeData() {
        Random random = new Random(42);
        List<VectorBuilder> b = COLUMNS.stream().map(c -> VectorBuilder.create(c.type(), ROWS)).toList();
        for (int i = 0; i < ROWS; i++) {
            b.get(0).appendValue(String.valueOf("ANR".charAt(random.nextInt(3))));
            b.get(1).appendValue(random.nextInt(50) == 0 ? null : String.valueOf("OF".charAt(random.nextInt(2))));
            b.get(2).appendValue((long) (random.nextInt(50) + 1) * 100);
            b.get(3).appendValue((long) random.nextInt(10_000_000));
            b.get(4).appendValue((long) random.nextInt(11));
            b.get(5).appendValue((long) (8000 + random.nextInt(2500)));
            b.get(6).appendValue("c" + random.nextInt(1000) + (random.nextBoolean() ? " special requests" : ""));
        }
        List<ColumnVector> vectors = b.stream().map(VectorBuilder::build).toList();
        file = dir.resolve("items.parquet");
        try (ParquetBatchWriter writer = new ParquetBatchWriter(store, Location.ofFile(file), COLUMNS,
                ParquetWriteOptions.defaults().withRowGroupBytes(128 * 1024))) {
            writer.write(new Batch(vectors, ROWS));
        }
    }

    private static TableScanNode scan() throws Exception {
        return new TableScanNode("items", COLUMNS, List.of(new Split(Location.ofFile(file).toString(), Files.size(file))));
    }

    private static InputRef col(int index) {
        return new InputRef(index, COLUMNS.get(index).type());
    }

    @Test
    void pricingSummaryMatchesDuckDb() throws Exception {
        Expr filter = new Call(Op.LESS_THAN_OR_EQUAL, DataType.BOOLEAN, col(5), Literal.ofLong(10_200, DataType.DATE));
        Expr discounted = new Call(Op.MULTIPLY, DataType.decimal(31, 4), col(3),
                new Call(Op.SUBTRACT, DataType.decimal(16, 2), Literal.ofLong(100, MONEY), col(4)));
        PlanNode project = new ProjectNode(new FilterNode(scan(), filter), List.of(col(0), col(1), col(2), col(3), discounted));
        PlanNode aggregate = new AggregateNode(project, List.of(0, 1), List.of(
                new AggregateCall(AggregateFunction.SUM, List.of(2), false, DataType.decimal(38, 2)),
                new AggregateCall(AggregateFunction.SUM, List.of(4), false, DataType.decimal(38, 4)),
                new AggregateCall(AggregateFunction.AVG, List.of(3), false, MONEY),
                new AggregateCall(AggregateFunction.COUNT_STAR, List.of(), false, DataType.BIGINT),
                new AggregateCall(AggregateFunction.COUNT, List.of(1), true, DataType.BIGINT)));
        PlanNode sorted = new SortNode(aggregate, List.of(new SortKey(0, true, false), new SortKey(1, true, false)));

        List<List<Object>> shoal = run(sorted);
        List<List<Object>> duck = duckdb("SELECT flag, status, sum(quantity), sum(price * (1 - discount)), "
                + "round(avg(price), 2), count(*), count(DISTINCT status) FROM items WHERE shipdate <= DATE '1997-12-05' "
                + "GROUP BY flag, status ORDER BY flag, status NULLS LAST");

        assertEquals(duck.size(), shoal.size());
        for (int r = 0; r < duck.size(); r++) {
            List<Object> d = duck.get(r);
            List<Object> s = shoal.get(r);
            assertEquals(d.get(0), s.get(0));
            assertEquals(d.get(1), s.get(1));
            assertEquals(((BigDecimal) d.get(2)).setScale(2), BigDecimal.valueOf((Long) s.get(2), 2), "sum quantity row " + r);
            assertEquals(((BigDecimal) d.get(3)).setScale(4), BigDecimal.valueOf((Long) s.get(3), 4), "sum discounted row " + r);
            assertEquals(new BigDecimal(d.get(4).toString()).setScale(2), BigDecimal.valueOf((Long) s.get(4), 2), "avg row " + r);
            assertEquals(((Number) d.get(5)).longValue(), s.get(5));
            assertEquals(((Number) d.get(6)).longValue(), s.get(6));
        }
    }

    @Test
    void topNWithLikeAndInMatchesDuckDb() throws Exception {
        Expr predicate = new Call(Op.AND, DataType.BOOLEAN,
                new Call(Op.LIKE, DataType.BOOLEAN, col(6), Literal.ofString("%special%")),
                new Call(Op.IN, DataType.BOOLEAN, col(0), Literal.ofString("A"), Literal.ofString("R")));
        PlanNode plan = new TopNNode(new ProjectNode(new FilterNode(scan(), predicate), List.of(col(3), col(6))),
                List.of(new SortKey(0, false, false), new SortKey(1, true, false)), 7);

        List<List<Object>> shoal = run(plan);
        List<List<Object>> duck = duckdb("SELECT price, comment FROM items WHERE comment LIKE '%special%' "
                + "AND flag IN ('A', 'R') ORDER BY price DESC, comment LIMIT 7");

        assertEquals(7, shoal.size());
        for (int r = 0; r < 7; r++) {
            assertEquals(((BigDecimal) duck.get(r).get(0)).setScale(2), BigDecimal.valueOf((Long) shoal.get(r).get(0), 2));
            assertEquals(duck.get(r).get(1), shoal.get(r).get(1));
        }
    }

    @Test
    void divisionByZeroFailsTheTaskWithAClearError() throws Exception {
        PlanNode plan = new ProjectNode(scan(), List.of(new Call(Op.DIVIDE, DataType.decimal(38, 6), col(3),
                Literal.ofLong(0, MONEY))));
        ShoalException e = assertThrows(ShoalException.class, () -> run(plan));
        assertTrue(e.getMessage().contains("division by zero"), e.getMessage());
    }

    private static final DriverPool POOL = new DriverPool(2);

    private static List<List<Object>> run(PlanNode plan) {
        TaskExecutor executor = new TaskExecutor(store, (FlightClients) null, POOL, 2);
        List<List<Object>> rows = new ArrayList<>();
        try (TaskExecutor.Task task = executor.start(PlanCodec.encode(new PlanFragment("q", 0, plan)))) {
            for (Batch batch = task.next(); batch != null; batch = task.next()) {
                for (int i = 0; i < batch.rowCount(); i++) {
                    List<Object> row = new ArrayList<>();
                    for (int c = 0; c < batch.columnCount(); c++) {
                        row.add(batch.column(c).valueAt(i));
                    }
                    rows.add(row);
                }
            }
            assertTrue(task.stats().bytesRead().sum() > 0);
        }
        return rows;
    }

    private static List<List<Object>> duckdb(String sql) throws Exception {
        List<List<Object>> rows = new ArrayList<>();
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
             Statement statement = duck.createStatement()) {
            statement.execute("CREATE VIEW items AS SELECT * FROM read_parquet('" + file + "')");
            try (ResultSet rs = statement.executeQuery(sql)) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    List<Object> row = new ArrayList<>();
                    for (int c = 1; c <= columns; c++) {
                        row.add(rs.getObject(c));
                    }
                    rows.add(row);
                }
            }
        }
        return rows;
    }
}
