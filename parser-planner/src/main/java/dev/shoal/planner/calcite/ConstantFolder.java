package dev.shoal.planner.calcite;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexExecutor;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.rex.RexVisitorImpl;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeName;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Folds constant expressions at planning time with Calcite's evaluator, except where Calcite's
 * semantics are not Trino's: dialect-library functions (split_part past the last field gives ''
 * where Trino gives NULL) and casts that round or spell text otherwise. Those are left to Shoal's executor,
 * which follows Trino. (Text is counted in code points there, as in Trino, and in UTF-16 units by
 * Calcite; timestamps are kept in microseconds there, in milliseconds by Calcite.)
 */
public final class ConstantFolder implements RexExecutor {
    public static final ConstantFolder INSTANCE = new ConstantFolder();
    /** Text functions Calcite's evaluator computes over UTF-16 code units, where Trino counts code points. */
    private static final Set<String> COUNTS_UTF16_UNITS = Set.of("CHAR_LENGTH", "CHARACTER_LENGTH", "POSITION", "SUBSTRING", "OVERLAY");

    /** Enough for the constants of many different queries; each entry is a digest and a literal. */
    private final FoldedConstants known = new FoldedConstants(10_000);

    private ConstantFolder() {
    }

    @Override
    public void reduce(RexBuilder rexBuilder, List<RexNode> constExps, List<RexNode> reducedValues) {
        List<RexNode> results = new ArrayList<>(constExps.size());
        List<RexNode> foldable = new ArrayList<>();
        for (RexNode expression : constExps) {
            RexNode before = leftToExecutor(expression) ? expression : known.get(expression);
            results.add(before);
            if (before == null) {
                foldable.add(expression);
            }
        }
        if (!foldable.isEmpty()) {
            List<RexNode> folded = new ArrayList<>();
            RexUtil.EXECUTOR.reduce(rexBuilder, foldable, folded);
            int next = 0;
            for (int i = 0; i < results.size(); i++) {
                if (results.get(i) == null) {
                    RexNode result = folded.get(next++);
                    known.put(constExps.get(i), result);
                    results.set(i, result);
                }
            }
        }
        reducedValues.addAll(results);
    }

    /**
     * Decimal quotients and casts whose Calcite result is not Trino's: Calcite truncates where Trino rounds half up
     * (2.675e0 to 2.67, 12345678.91 to 12345678, where Trino gives 2.68 and 12345679), and spells
     * text its own way (TRUE and -.05 where Trino writes true and -0.05).
     */
    private static boolean foldsOtherwiseThanTrino(RexCall call) {
        if (COUNTS_UTF16_UNITS.contains(call.getOperator().getName())) {
            // Calcite counts and indexes Java chars: an emoji is 2 of them, and one character in Trino.
            return true;
        }
        if (call.getKind() == SqlKind.DIVIDE
                && call.getType().getSqlTypeName() == SqlTypeName.DECIMAL) {
            // Calcite truncates a decimal quotient (2.00 / 3.00 to 0.666666); Trino rounds half up.
            return true;
        }
        if (call.getKind() != SqlKind.CAST) {
            return false;
        }
        RelDataType from = call.getOperands().get(0).getType();
        RelDataType to = call.getType();
        boolean toText = SqlTypeName.CHAR_TYPES.contains(to.getSqlTypeName());
        boolean fromText = SqlTypeName.CHAR_TYPES.contains(from.getSqlTypeName());
        boolean toExact = SqlTypeName.EXACT_TYPES.contains(to.getSqlTypeName());
        boolean fromApprox = SqlTypeName.APPROX_TYPES.contains(from.getSqlTypeName());
        boolean dropsDigits = from.getSqlTypeName() == SqlTypeName.DECIMAL
                && toExact && Math.max(to.getScale(), 0) < from.getScale();
        return toText && !fromText || toExact && fromApprox || dropsDigits;
    }

    private static boolean leftToExecutor(RexNode expression) {
        if (expression.getType().getSqlTypeName() == SqlTypeName.TIMESTAMP) {
            // Calcite's evaluator computes timestamps in milliseconds: a literal 23:59:59.123456 that predicates
            // carried past a sort came back as 23:59:59.123. The executor keeps the microseconds.
            return true;
        }
        boolean[] found = {false};
        expression.accept(new RexVisitorImpl<Void>(true) {
            @Override
            public Void visitCall(RexCall call) {
                if (ShoalOperatorTable.LIBRARY_FUNCTIONS.contains(call.getOperator()) || foldsOtherwiseThanTrino(call)) {
                    found[0] = true;
                }
                return super.visitCall(call);
            }
        });
        return found[0];
    }
}
