package dev.shoal.planner.calcite;

import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexDynamicParam;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexVisitorImpl;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Constant expressions folded before, by digest and type, with the literal they folded to. Calcite's
 * evaluator compiles a class with Janino for every batch of expressions it folds: two per TPC-H Q6
 * plan, each a few milliseconds of planning and a class the JIT then compiles. The same expressions
 * ({@code DATE '1994-01-01' + INTERVAL '1' YEAR}, {@code 1999 + 1}) come back in query after query.
 * Only deterministic expressions folded to a literal are kept; the least recently used go first.
 */
final class FoldedConstants {
    private final int maxEntries;
    private final Map<String, RexLiteral> folded;

    FoldedConstants(int maxEntries) {
        this.maxEntries = maxEntries;
        this.folded = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, RexLiteral> eldest) {
                return size() > FoldedConstants.this.maxEntries;
            }
        };
    }

    /** What {@code expression} folded to before, or null. */
    synchronized RexLiteral get(RexNode expression) {
        return folded.get(key(expression));
    }

    /** Keeps what {@code expression} folded to, when that is a literal and the expression always folds to it. */
    synchronized void put(RexNode expression, RexNode result) {
        if (result instanceof RexLiteral literal && alwaysTheSame(expression)) {
            folded.put(key(expression), literal);
        }
    }

    synchronized int size() {
        return folded.size();
    }

    /** The digest names every operator, literal and cast target; the type adds the result's nullability and precision. */
    private static String key(RexNode expression) {
        return expression + " : " + expression.getType().getFullTypeString();
    }

    /** No call whose value depends on when or where it runs (CURRENT_DATE, RAND, a session's user), no parameter. */
    private static boolean alwaysTheSame(RexNode expression) {
        boolean[] varies = {false};
        expression.accept(new RexVisitorImpl<Void>(true) {
            @Override
            public Void visitCall(RexCall call) {
                if (!call.getOperator().isDeterministic() || call.getOperator().isDynamicFunction()) {
                    varies[0] = true;
                }
                return super.visitCall(call);
            }

            @Override
            public Void visitDynamicParam(RexDynamicParam parameter) {
                varies[0] = true;
                return null;
            }
        });
        return !varies[0];
    }
}
