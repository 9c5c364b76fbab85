package dev.shoal.exec.operator;

import dev.shoal.core.batch.Batch;
import dev.shoal.core.batch.BooleanVector;
import dev.shoal.core.batch.VectorBuilder;
import dev.shoal.core.expr.Call;
import dev.shoal.core.expr.Expr;
import dev.shoal.core.expr.Exprs;
import dev.shoal.core.expr.InputRef;
import dev.shoal.core.expr.Literal;
import dev.shoal.core.expr.Op;
import dev.shoal.core.type.DataType;
import dev.shoal.exec.expression.ExpressionCompiler;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Conjunct by conjunct over a shrinking selection, in a learned order, keeps exactly the rows
 * where the whole AND is TRUE: NULLs drop a row, whichever conjunct produces them and whenever.
 */
class FilterOperatorTest {
    private static final InputRef A = new InputRef(0, DataType.BIGINT);
    private static final InputRef B = new InputRef(1, DataType.BIGINT);
    private static final InputRef S = new InputRef(2, DataType.VARCHAR);
    private static final InputRef C = new InputRef(3, DataType.BIGINT);
    private static final InputRef T = new InputRef(4, DataType.VARCHAR);

    @Test
    void conjunctsInAnyOrderKeepWhatTheWholePredicateKeeps() {
        Expr predicate = new Call(Op.AND, DataType.BOOLEAN,
                new Call(Op.LESS_THAN, DataType.BOOLEAN, C, Literal.ofLong(60, DataType.BIGINT)),
                new Call(Op.AND, DataType.BOOLEAN,
                        new Call(Op.LESS_THAN, DataType.BOOLEAN, A, B),
                        new Call(Op.NOT_EQUAL, DataType.BOOLEAN, S, Literal.ofString("x"))),
                new Call(Op.LIKE, DataType.BOOLEAN, T, Literal.ofString("%y%")));
        List<Batch> batches = new ArrayList<>();
        Random random = new Random(11);
        for (int b = 0; b < 6; b++) {
            int rows = 1000 + random.nextInt(3000);
            VectorBuilder a = VectorBuilder.create(DataType.BIGINT, rows);
            VectorBuilder bs = VectorBuilder.create(DataType.BIGINT, rows);
            VectorBuilder s = VectorBuilder.create(DataType.VARCHAR, rows);
            VectorBuilder c = VectorBuilder.create(DataType.BIGINT, rows);
            VectorBuilder t = VectorBuilder.create(DataType.VARCHAR, rows);
            for (int i = 0; i < rows; i++) {
                appendLongOrNull(a, random, 100);
                appendLongOrNull(bs, random, 100);
                // The conjuncts' selectivities change between batches, so that their order does.
                appendLongOrNull(c, random, b < 3 ? 70 : 400);
                appendStringOrNull(s, random);
                appendStringOrNull(t, random);
            }
            batches.add(new Batch(List.of(a.build(), bs.build(), s.build(), c.build(), t.build()), rows));
        }
        List<String> expected = new ArrayList<>();
        for (Batch batch : batches) {
            BooleanVector whole = (BooleanVector) ExpressionCompiler.compile(predicate).evaluate(batch);
            for (int i = 0; i < batch.rowCount(); i++) {
                if (!whole.isNull(i) && whole.values()[i]) {
                    expected.add(row(batch, i));
                }
            }
        }
        Pulled filter = new Pulled(new FilterOperator(Exprs.conjuncts(predicate).stream().map(ExpressionCompiler::compile).toList()),
                batches);
        List<String> actual = new ArrayList<>();
        for (Batch batch : filter.drain()) {
            for (int i = 0; i < batch.rowCount(); i++) {
                actual.add(row(batch, i));
            }
        }
        assertEquals(expected, actual);
    }

    private static void appendLongOrNull(VectorBuilder builder, Random random, int bound) {
        if (random.nextInt(8) == 0) {
            builder.appendNull();
        } else {
            builder.appendValue((long) random.nextInt(bound));
        }
    }

    /** NULL now and then: a NULL slot's value is 0 or empty, which would pass some comparisons. */
    private static void appendStringOrNull(VectorBuilder builder, Random random) {
        String[] strings = {"x", "y", "xy", "zzy", "z"};
        builder.appendValue(random.nextInt(8) == 0 ? null : strings[random.nextInt(strings.length)]);
    }

    private static String row(Batch batch, int i) {
        StringBuilder row = new StringBuilder();
        batch.columns().forEach(column -> row.append(column.valueAt(i)).append('|'));
        return row.toString();
    }
}
