package dev.shoal.exec.aggregate;

import dev.shoal.core.error.ErrorCode;
import dev.shoal.core.error.ShoalException;
import dev.shoal.core.plan.AggregateCall;
import dev.shoal.core.plan.AggregateFunction;
import dev.shoal.core.plan.AggregateStep;
import dev.shoal.core.type.DataType;

import java.util.List;

/** Creates the accumulator for an aggregate call in a given step of the aggregation. */
public final class Accumulators {
    private Accumulators() {
    }

    public static Accumulator create(AggregateCall call, List<DataType> inputTypes, AggregateStep step) {
        int argument = call.arguments().isEmpty() ? -1 : call.arguments().get(0);
        if (call.distinct()) {
            if (step != AggregateStep.SINGLE) {
                throw new ShoalException(ErrorCode.INTERNAL_ERROR, "DISTINCT aggregates are never split into steps");
            }
            DataType argumentType = inputTypes.get(argument);
            return switch (call.function()) {
                case COUNT -> new DistinctAccumulator(argument, argumentType, new CountAccumulator(argument, false));
                case SUM -> new DistinctAccumulator(argument, argumentType, new SumAccumulator(argument, -1, argumentType, call.type(), false));
                case AVG -> new DistinctAccumulator(argument, argumentType, new SumAccumulator(argument, -1, argumentType, call.type(), true));
                // MIN/MAX are the same with or without DISTINCT.
                case MIN, MAX -> new MinMaxAccumulator(argument, call.type(), call.function() == AggregateFunction.MAX);
                default -> throw new ShoalException(ErrorCode.NOT_SUPPORTED, call.function() + "(DISTINCT ...) is not supported yet");
            };
        }
        boolean merge = step == AggregateStep.FINAL;
        return switch (call.function()) {
            case COUNT_STAR -> merge ? new CountAccumulator(argument, true) : new CountAccumulator(-1, false);
            case COUNT -> new CountAccumulator(argument, merge);
            case SUM -> new SumAccumulator(argument, -1, inputTypes.get(argument), call.type(), false);
            case AVG -> new SumAccumulator(argument, merge ? call.arguments().get(1) : -1, inputTypes.get(argument), call.type(), true);
            case MIN -> new MinMaxAccumulator(argument, call.type(), false);
            case MAX -> new MinMaxAccumulator(argument, call.type(), true);
            case STDDEV_POP, STDDEV_SAMP, VAR_POP, VAR_SAMP ->
                    new VarianceAccumulator(call.function(), call.arguments(), inputTypes.get(argument), call.type(), merge);
            case SINGLE_VALUE -> new SingleValueAccumulator(call.arguments(), call.type(), merge);
        };
    }
}
