package dev.shoal.core.plan;

import dev.shoal.core.type.DataType;
import dev.shoal.core.type.TypeKind;

import java.util.List;

/**
 * One aggregate of an {@link AggregateNode}: function, input columns, DISTINCT, result type, and
 * {@code filter}, the BOOLEAN input column of {@code FILTER (WHERE ...)} (-1: none): only rows
 * where it is TRUE are aggregated. In a FINAL step the arguments are the intermediate columns of
 * the matching PARTIAL call, and the filter was already applied.
 */
public record AggregateCall(AggregateFunction function, List<Integer> arguments, boolean distinct, DataType type,
                            int filter) {
    public AggregateCall {
        arguments = List.copyOf(arguments);
    }

    public AggregateCall(AggregateFunction function, List<Integer> arguments, boolean distinct, DataType type) {
        this(function, arguments, distinct, type, -1);
    }

    /** The columns a PARTIAL step emits for this call, given the type of its argument (null for COUNT(*)). */
    public List<DataType> intermediateTypes(DataType argumentType) {
        return switch (function) {
            case COUNT_STAR, COUNT -> List.of(DataType.BIGINT);
            case MIN, MAX -> List.of(type);
            case SUM -> List.of(sumType(argumentType));
            case AVG -> List.of(sumType(argumentType), DataType.BIGINT);
            case STDDEV_POP, STDDEV_SAMP, VAR_POP, VAR_SAMP -> List.of(DataType.BIGINT, DataType.DOUBLE, DataType.DOUBLE);
            case SINGLE_VALUE -> List.of(type, DataType.BIGINT);
        };
    }

    /** The running sum's type: exact on unscaled longs for integers and decimals, else double. */
    public static DataType sumType(DataType argumentType) {
        if (argumentType.storage() == TypeKind.Storage.LONG) {
            return argumentType.kind() == TypeKind.DECIMAL
                    ? DataType.decimal(DataType.MAX_DECIMAL_PRECISION, argumentType.scale()) : DataType.BIGINT;
        }
        return DataType.DOUBLE;
    }
}
