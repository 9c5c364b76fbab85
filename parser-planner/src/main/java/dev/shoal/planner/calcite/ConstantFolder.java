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
 * Folds constant expressions at planning time with Calcite's evaluator, except those calling a
 * dialect-library function: Calcite implements those with another dialect's semantics
 * (split_part past the last field gives '' where Trino gives NULL), so they are left to Shoal's
 * executor, which follows Trino.
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

    private static boolean callsLibraryFunction(RexNode expression) {
        boolean[] found = {false};
        expression.accept(new RexVisitorImpl<Void>(true) {
            @Override
            public Void visitCall(RexCall call) {
                if (ShoalOperatorTable.LIBRARY_FUNCTIONS.contains(call.getOperator())) {
                    found[0] = true;
                }
                return super.visitCall(call);
            }
        });
        return found[0];
    }
}
