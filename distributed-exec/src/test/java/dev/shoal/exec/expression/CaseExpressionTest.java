package dev.shoal.exec.expression;

import dev.shoal.core.batch.Batch;
import dev.shoal.core.batch.ColumnVector;
import dev.shoal.core.batch.VectorBuilder;
import dev.shoal.core.error.ShoalException;
import dev.shoal.core.expr.Call;
import dev.shoal.core.expr.Expr;
import dev.shoal.core.expr.InputRef;
import dev.shoal.core.expr.Literal;
import dev.shoal.core.expr.Op;
import dev.shoal.core.type.DataType;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** CASE on the whole batch when no branch can fail, branch by branch otherwise: the same values, and no failure a row does not reach. */
class CaseExpressionTest {
    private static final InputRef DAY = new InputRef(0, DataType.VARCHAR);
    private static final InputRef PRICE = new InputRef(1, DataType.BIGINT);
    private static final InputRef DIVISOR = new InputRef(2, DataType.BIGINT);
    private static final String[] DAYS = {"Sunday", "Monday", "Tuesday", null};

    @Test
    void failureFreeBranchesGiveWhatRowByRowEvaluationGives() {
        Batch batch = sample(2_000, new Random(3));
        // CASE WHEN day = 'Sunday' THEN price WHEN day = 'Monday' THEN NULL ELSE price END, and the same without ELSE.
        for (boolean withElse : new boolean[] {true, false}) {
            List<Expr> args = new ArrayList<>(List.of(
                    new Call(Op.EQUAL, DataType.BOOLEAN, DAY, Literal.ofString("Sunday")), PRICE,
                    new Call(Op.EQUAL, DataType.BOOLEAN, DAY, Literal.ofString("Monday")), new Literal(null, DataType.BIGINT)));
            if (withElse) {
                args.add(PRICE);
            }
            Expr caseExpr = new Call(Op.CASE, args, DataType.BIGINT);
            assertTrue(FailureFree.test(caseExpr));
            ColumnVector result = ExpressionCompiler.compile(caseExpr).evaluate(batch);
            for (int row = 0; row < batch.rowCount(); row++) {
                Object day = batch.column(0).valueAt(row);
                Object price = batch.column(1).valueAt(row);
                Object expected = "Sunday".equals(day) ? price : "Monday".equals(day) ? null : withElse ? price : null;
                assertEquals(expected, result.valueAt(row), "row " + row);
            }
        }
    }

    @Test
    void aBranchThatCanFailRunsOnlyOnTheRowsThatReachIt() {
        Batch batch = sample(500, new Random(5));
        // CASE WHEN divisor = 0 THEN 0 ELSE price / divisor END: the division never sees a zero.
        Expr division = new Call(Op.DIVIDE, DataType.BIGINT, PRICE, DIVISOR);
        Expr caseExpr = new Call(Op.CASE, DataType.BIGINT,
                new Call(Op.EQUAL, DataType.BOOLEAN, DIVISOR, Literal.ofLong(0, DataType.BIGINT)), Literal.ofLong(0, DataType.BIGINT),
                division);
        assertFalse(FailureFree.test(caseExpr));
        try {
            ExpressionCompiler.compile(division).evaluate(batch);
            throw new AssertionError("the sample divides by zero somewhere");
        } catch (ShoalException expected) {
            // The division alone fails on the rows with a zero divisor.
        }
        ColumnVector result = ExpressionCompiler.compile(caseExpr).evaluate(batch);
        for (int row = 0; row < batch.rowCount(); row++) {
            Long divisor = (Long) batch.column(2).valueAt(row);
            Long price = (Long) batch.column(1).valueAt(row);
            Object expected = divisor != null && divisor == 0 ? (Object) 0L : price == null || divisor == null ? null : (Object) (price / divisor);
            assertEquals(expected, result.valueAt(row), "row " + row);
        }
    }

    private static Batch sample(int rows, Random random) {
        VectorBuilder days = VectorBuilder.create(DataType.VARCHAR, rows);
        VectorBuilder prices = VectorBuilder.create(DataType.BIGINT, rows);
        VectorBuilder divisors = VectorBuilder.create(DataType.BIGINT, rows);
        for (int i = 0; i < rows; i++) {
            days.appendValue(DAYS[random.nextInt(DAYS.length)]);
            prices.appendValue(random.nextInt(10) == 0 ? null : (long) random.nextInt(1000));
            divisors.appendValue(random.nextInt(10) == 0 ? null : (long) random.nextInt(4));
        }
        return new Batch(List.of(days.build(), prices.build(), divisors.build()), rows);
    }
}
