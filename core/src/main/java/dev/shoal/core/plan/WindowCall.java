package dev.shoal.core.plan;

import dev.shoal.core.expr.Expr;
import dev.shoal.core.type.DataType;

import java.util.List;

/**
 * One function of a {@link WindowNode}: its arguments (input columns, or constants such as LAG's
 * offset and default, NTILE's bucket count), its frame and its result type.
 */
public record WindowCall(WindowFunction function, List<Expr> arguments, WindowFrame frame, DataType type) {
    public WindowCall {
        arguments = List.copyOf(arguments);
    }
}
