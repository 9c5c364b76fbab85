package dev.shoal.exec.expression;

import dev.shoal.core.expr.Call;
import dev.shoal.core.expr.Expr;
import dev.shoal.core.expr.InputRef;
import dev.shoal.core.expr.Literal;
import dev.shoal.core.expr.Op;

import java.util.EnumSet;
import java.util.Set;

/**
 * Whether an expression can be evaluated on any row without failing: column references,
 * literals, and comparisons, logic, null tests, IN lists, LIKE, COALESCE and CASE over such
 * expressions. Arithmetic (overflow, division by zero), casts and functions can fail, so a CASE
 * evaluates them only on the rows that reach them, as SQL requires.
 */
final class FailureFree {
    private static final Set<Op> OPS = EnumSet.of(
            Op.EQUAL, Op.NOT_EQUAL, Op.LESS_THAN,
            Op.LESS_THAN_OR_EQUAL, Op.GREATER_THAN,
            Op.GREATER_THAN_OR_EQUAL, Op.AND, Op.OR,
            Op.NOT, Op.IS_NULL, Op.IS_NOT_NULL,
            Op.IN, Op.LIKE, Op.COALESCE, Op.CASE);

    private FailureFree() {
    }

    static boolean test(Expr expr) {
        if (expr instanceof InputRef || expr instanceof Literal) {
            return true;
        }
        if (expr instanceof Call call && OPS.contains(call.op())) {
            return call.args().stream().allMatch(FailureFree::test);
        }
        return false;
    }
}
