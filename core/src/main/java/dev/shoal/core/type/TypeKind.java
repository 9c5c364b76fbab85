package dev.shoal.core.type;

/** The SQL types Shoal stores and computes with, and the Java array each one lives in. */
public enum TypeKind {
    BOOLEAN(Storage.BOOLEAN),
    INTEGER(Storage.LONG),
    BIGINT(Storage.LONG),
    DOUBLE(Storage.DOUBLE),
    /** Unscaled value in a long: precision up to 18 digits (wider values fail with an overflow error). */
    DECIMAL(Storage.LONG),
    VARCHAR(Storage.BYTES),
    /** Days since 1970-01-01. */
    DATE(Storage.LONG),
    /** Microseconds since 1970-01-01 00:00:00, no time zone. */
    TIMESTAMP(Storage.LONG);

    /** The physical representation of a column vector. */
    public enum Storage { BOOLEAN, LONG, DOUBLE, BYTES }

    private final Storage storage;

    TypeKind(Storage storage) {
        this.storage = storage;
    }

    public Storage storage() {
        return storage;
    }
}
