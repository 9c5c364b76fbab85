package dev.shoal.planner.translate;

import dev.shoal.core.plan.AggregateCall;
import dev.shoal.core.plan.AggregateFunction;
import dev.shoal.core.type.DataType;
import dev.shoal.planner.calcite.SqlTypes;

import java.util.List;
import java.util.Locale;

/** Calcite's aggregate calls as Shoal's: the function, its arguments, DISTINCT and FILTER. */
final class AggregateCalls {
    private AggregateCalls() {
    }

    /**
     * One Calcite aggregate call in Shoal's terms. Trino's extra aggregates reuse existing
     * machinery: approx_distinct(x) is COUNT(DISTINCT x), exact and within any error bound;
     * count_if(c) is COUNT(*) FILTER (WHERE c). bool_and/every and bool_or/some reach here as MIN
     * and MAX of a BOOLEAN (Calcite gives them those kinds).
     */
    static AggregateCall of(org.apache.calcite.rel.core.AggregateCall call) {
        DataType type = SqlTypes.toShoal(call.getType());
        String name = call.getAggregation().getName().toUpperCase(Locale.ROOT);
        if (name.equals("APPROX_DISTINCT")) {
            return new AggregateCall(AggregateFunction.COUNT, call.getArgList(), true, type, call.filterArg);
        }
        if (name.equals("COUNT_IF")) {
            if (call.filterArg >= 0) {
                throw RexTranslator.unsupported("count_if with FILTER (WHERE ...)");
            }
            return new AggregateCall(AggregateFunction.COUNT_STAR, List.of(), false, type, call.getArgList().get(0));
        }
        return new AggregateCall(function(call), call.getArgList(), call.isDistinct(), type, call.filterArg);
    }

    private static AggregateFunction function(org.apache.calcite.rel.core.AggregateCall call) {
        return switch (call.getAggregation().getKind()) {
            case COUNT -> call.getArgList().isEmpty() ? AggregateFunction.COUNT_STAR : AggregateFunction.COUNT;
            case SUM -> AggregateFunction.SUM;
            case AVG -> AggregateFunction.AVG;
            case MIN -> AggregateFunction.MIN;
            case MAX -> AggregateFunction.MAX;
            case STDDEV_POP -> AggregateFunction.STDDEV_POP;
            case STDDEV_SAMP -> AggregateFunction.STDDEV_SAMP;
            case VAR_POP -> AggregateFunction.VAR_POP;
            case VAR_SAMP -> AggregateFunction.VAR_SAMP;
            case SINGLE_VALUE -> AggregateFunction.SINGLE_VALUE;
            default -> throw RexTranslator.unsupported("aggregate function " + call.getAggregation().getName());
        };
    }
}
