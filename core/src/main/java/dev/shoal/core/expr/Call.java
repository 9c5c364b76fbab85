package dev.shoal.core.expr;

import dev.shoal.core.type.DataType;

import java.util.List;
import java.util.stream.Collectors;

/** An operator or function applied to arguments; {@link Op} documents each one's arguments. */
public record Call(Op op, List<Expr> args, DataType type) implements Expr {
    public Call {
        args = List.copyOf(args);
    }

    public Call(Op op, DataType type, Expr... args) {
        this(op, List.of(args), type);
    }

    public Expr arg(int index) {
        return args.get(index);
    }

    @Override
    public String toString() {
        return op.name().toLowerCase() + args.stream().map(Object::toString).collect(Collectors.joining(", ", "(", ")"));
    }
}
