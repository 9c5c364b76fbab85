package dev.shoal.core.plan;

/**
 * One end of a window frame: UNBOUNDED, {@code offset} PRECEDING or FOLLOWING (rows for ROWS, key
 * units for RANGE), or the CURRENT ROW.
 */
public record FrameBound(Kind kind, long offset) {
    public enum Kind { UNBOUNDED_PRECEDING, PRECEDING, CURRENT_ROW, FOLLOWING, UNBOUNDED_FOLLOWING }

    public static FrameBound of(Kind kind) {
        return new FrameBound(kind, 0);
    }
}
