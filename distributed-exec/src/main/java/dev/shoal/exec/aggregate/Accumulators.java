package dev.shoal.exec.aggregate;

import dev.shoal.core.error.ErrorCode;
import dev.shoal.core.error.ShoalException;
import dev.shoal.core.plan.AggregateCall;
import dev.shoal.core.type.DataType;

import java.util.List;

/** Creates the accumulator for an aggregate call. */
public final class Accumulators {
    private Accumulators() {
    }

    public static Accumulator create(AggregateCall call, List<DataType> inputTypes) {
        int argument = call.arguments().isEmpty() ? -1 : call.arguments().get(0);
        if (call.distinct()) {
            return switch (call.function()) {
                case COUNT -> new CountDistinctAccumulator(argument);
                // MIN/MAX are the same with or without DISTINCT.
                case MIN, MAX -> new MinMaxAccumulator(argument, call.type(), call.function() == dev.shoal.core.plan.AggregateFunction.MAX);
                default -> throw new ShoalException(ErrorCode.NOT_SUPPORTED, call.function() + "(DISTINCT ...) is not supported yet");
            };
        }
        return switch (call.function()) {
            case COUNT_STAR -> new CountAccumulator(-1);
            case COUNT -> new CountAccumulator(argument);
            case SUM -> new SumAccumulator(argument, inputTypes.get(argument), call.type(), false);
            case AVG -> new SumAccumulator(argument, inputTypes.get(argument), call.type(), true);
            case MIN -> new MinMaxAccumulator(argument, call.type(), false);
            case MAX -> new MinMaxAccumulator(argument, call.type(), true);
        };
    }
}
