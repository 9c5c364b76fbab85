package dev.shoal.core.plan;

import dev.shoal.core.type.DataType;

import java.util.List;

/** One aggregate of an {@link AggregateNode}: function, input columns, DISTINCT, result type. */
public record AggregateCall(AggregateFunction function, List<Integer> arguments, boolean distinct, DataType type) {
    public AggregateCall {
        arguments = List.copyOf(arguments);
    }
}
