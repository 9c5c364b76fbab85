package dev.shoal.core.expr;

import dev.shoal.core.type.DataType;

/** The value of input column {@code index}. */
public record InputRef(int index, DataType type) implements Expr {
    @Override
    public String toString() {
        return "$" + index;
    }
}
