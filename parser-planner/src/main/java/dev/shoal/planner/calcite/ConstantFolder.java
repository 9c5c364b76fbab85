package dev.shoal.planner.calcite;

import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexExecutor;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.rex.RexVisitorImpl;

import java.util.ArrayList;
import java.util.List;

/**
 * Folds constant expressions at planning time with Calcite's evaluator, except where Calcite's
 * semantics are not Trino's: dialect-library functions (split_part past the last field gives ''
 * where Trino gives NULL) and casts of doubles to decimals and integers. Those are left to Shoal's executor,
 * which follows Trino.
 */
public final class ConstantFolder implements RexExecutor {
    public static final ConstantFolder INSTANCE = new ConstantFolder();

    private ConstantFolder() {
    }

    @Override
    public void reduce(RexBuilder rexBuilder, List<RexNode> constExps, List<RexNode> reducedValues) {
        List<RexNode> foldable = new ArrayList<>();
        for (RexNode expression : constExps) {
            if (!callsLibraryFunction(expression)) {
                foldable.add(expression);
            }
        }
        List<RexNode> folded = new ArrayList<>();
        RexUtil.EXECUTOR.reduce(rexBuilder, foldable, folded);
        int next = 0;
        for (RexNode expression : constExps) {
            reducedValues.add(callsLibraryFunction(expression) ? expression : folded.get(next++));
        }
    }

    /** Calcite truncates and rounds the binary value (2.675e0 to 2.67, 7.5e0 to 7); Trino rounds the shortest decimal half up (2.68, 8). */
    private static boolean isDoubleToDecimalCast(RexCall call) {
        return call.getKind() == org.apache.calcite.sql.SqlKind.CAST
                && org.apache.calcite.sql.type.SqlTypeName.EXACT_TYPES.contains(call.getType().getSqlTypeName())
                && org.apache.calcite.sql.type.SqlTypeName.APPROX_TYPES.contains(call.getOperands().get(0).getType().getSqlTypeName());
    }

    private static boolean callsLibraryFunction(RexNode expression) {
        boolean[] found = {false};
        expression.accept(new RexVisitorImpl<Void>(true) {
            @Override
            public Void visitCall(RexCall call) {
                if (ShoalOperatorTable.LIBRARY_FUNCTIONS.contains(call.getOperator()) || isDoubleToDecimalCast(call)) {
                    found[0] = true;
                }
                return super.visitCall(call);
            }
        });
        return found[0];
    }
}
