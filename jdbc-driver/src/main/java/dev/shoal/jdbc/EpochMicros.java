package dev.shoal.jdbc;

/**
 * A TIMESTAMP as the coordinator sends it, microseconds since 1970-01-01 00:00:00 (no time zone):
 * a Number whose long value is the milliseconds Avatica's accessors expect, and whose
 * microseconds {@link ShoalAccessor}s read back.
 */
final class EpochMicros extends Number {
    private static final long serialVersionUID = 1L;

    private final long micros;

    EpochMicros(long micros) {
        this.micros = micros;
    }

    long micros() {
        return micros;
    }

    @Override
    public long longValue() {
        return Math.floorDiv(micros, 1000L);
    }

    @Override
    public int intValue() {
        return (int) longValue();
    }

    @Override
    public float floatValue() {
        return longValue();
    }

    @Override
    public double doubleValue() {
        return longValue();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EpochMicros that && that.micros == micros;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(micros);
    }

    @Override
    public String toString() {
        return Long.toString(micros);
    }
}
