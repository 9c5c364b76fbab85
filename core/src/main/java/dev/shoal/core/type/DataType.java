package dev.shoal.core.type;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.util.Locale;

/**
 * A SQL type: its kind, and precision and scale for DECIMAL (zero otherwise).
 * Integral types, decimals, dates and timestamps all live in {@code long[]} vectors;
 * {@link TypeKind#storage()} says which array a vector of this type holds.
 */
public record DataType(TypeKind kind, int precision, int scale) {
    public static final int MAX_DECIMAL_PRECISION = 38;
    /** Widest decimal an unscaled {@code long} holds without loss. */
    public static final int MAX_LONG_DECIMAL_PRECISION = 18;

    public static final DataType BOOLEAN = new DataType(TypeKind.BOOLEAN, 0, 0);
    public static final DataType INTEGER = new DataType(TypeKind.INTEGER, 0, 0);
    public static final DataType BIGINT = new DataType(TypeKind.BIGINT, 0, 0);
    public static final DataType DOUBLE = new DataType(TypeKind.DOUBLE, 0, 0);
    public static final DataType VARCHAR = new DataType(TypeKind.VARCHAR, 0, 0);
    public static final DataType DATE = new DataType(TypeKind.DATE, 0, 0);
    public static final DataType TIMESTAMP = new DataType(TypeKind.TIMESTAMP, 0, 0);

    public DataType {
        if (kind == null) {
            throw new IllegalArgumentException("type kind is required");
        }
        if (kind == TypeKind.DECIMAL) {
            if (precision < 1 || precision > MAX_DECIMAL_PRECISION || scale < 0 || scale > precision) {
                throw new IllegalArgumentException("invalid DECIMAL(" + precision + "," + scale + ")");
            }
        } else {
            precision = 0;
            scale = 0;
        }
    }

    public static DataType decimal(int precision, int scale) {
        return new DataType(TypeKind.DECIMAL, precision, scale);
    }

    @JsonIgnore
    public boolean isNumeric() {
        return kind == TypeKind.INTEGER || kind == TypeKind.BIGINT || kind == TypeKind.DOUBLE || kind == TypeKind.DECIMAL;
    }

    /** A DECIMAL over 18 digits: its vectors may hold 128-bit values (an Int128Vector). */
    @JsonIgnore
    public boolean isWideDecimal() {
        return kind == TypeKind.DECIMAL && precision > MAX_LONG_DECIMAL_PRECISION;
    }

    public TypeKind.Storage storage() {
        return kind.storage();
    }

    /** The type {@link #toString()} printed: {@code BIGINT}, {@code DECIMAL(15,2)}, ... */
    public static DataType parse(String text) {
        String trimmed = text.trim().toUpperCase(Locale.ROOT);
        if (trimmed.startsWith("DECIMAL(") && trimmed.endsWith(")")) {
            String[] parts = trimmed.substring("DECIMAL(".length(), trimmed.length() - 1).split(",");
            if (parts.length == 2) {
                return decimal(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
            }
        }
        try {
            TypeKind kind = TypeKind.valueOf(trimmed);
            if (kind != TypeKind.DECIMAL) {
                return new DataType(kind, 0, 0);
            }
        } catch (IllegalArgumentException notAKind) {
            // reported below
        }
        throw new IllegalArgumentException("not a type name: " + text);
    }

    @Override
    public String toString() {
        return kind == TypeKind.DECIMAL ? "DECIMAL(" + precision + "," + scale + ")" : kind.name();
    }
}
