package dev.shoal.core.expr;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.shoal.core.type.DataType;
import dev.shoal.core.type.TypeKind;

import java.math.BigInteger;

/**
 * A constant in Shoal's internal representation ({@code Long} for integral, decimal (unscaled),
 * date and timestamp values; {@code BigInteger} for an unscaled decimal wider than a long;
 * {@code Double}; {@code Boolean}; {@code String}), or {@code null}.
 */
public record Literal(Object value, DataType type) implements Expr {
    public Literal {
        // JSON gives back an Integer for a small long, a Long for a large double: normalise by type.
        if (value instanceof BigInteger big && big.bitLength() >= 64) {
            if (type.kind() != TypeKind.DECIMAL) {
                throw new IllegalArgumentException(big + " does not fit " + type);
            }
        } else if (value instanceof Number number) {
            value = type.storage() == TypeKind.Storage.DOUBLE ? (Object) number.doubleValue() : (Object) number.longValue();
        }
    }

    public static Literal ofLong(long value, DataType type) {
        return new Literal(value, type);
    }

    public static Literal ofString(String value) {
        return new Literal(value, DataType.VARCHAR);
    }

    @JsonIgnore
    public boolean isNull() {
        return value == null;
    }

    @Override
    public String toString() {
        return value == null ? "NULL" : value instanceof String s ? "'" + s + "'" : value.toString();
    }
}
