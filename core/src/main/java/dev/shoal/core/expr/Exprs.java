package dev.shoal.core.expr;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/** Rewrites and inspections of expression trees shared by the planner's passes. */
public final class Exprs {
    private Exprs() {
    }

    /** Adds the input columns the expression reads to {@code into}. */
    /** The conjuncts of a predicate, nested ANDs flattened (Calcite leaves ranges as ANDs within ANDs). */
    public static List<Expr> conjuncts(Expr predicate) {
        if (!(predicate instanceof Call call) || call.op() != Op.AND) {
            return List.of(predicate);
        }
        List<Expr> flat = new ArrayList<>();
        call.args().forEach(arg -> flat.addAll(conjuncts(arg)));
        return flat;
    }

    public static void collectInputs(Expr expr, BitSet into) {
        if (expr instanceof InputRef ref) {
            into.set(ref.index());
        } else if (expr instanceof Call call) {
            call.args().forEach(a -> collectInputs(a, into));
        }
    }

    /** The expression with input column {@code i} replaced by column {@code mapping[i]}. */
    public static Expr remap(Expr expr, int[] mapping) {
        if (expr instanceof InputRef ref) {
            return new InputRef(mapping[ref.index()], ref.type());
        }
        if (expr instanceof Call call) {
            return new Call(call.op(), call.args().stream().map(a -> remap(a, mapping)).toList(), call.type());
        }
        return expr;
    }
}
