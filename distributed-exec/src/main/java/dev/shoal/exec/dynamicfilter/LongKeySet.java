package dev.shoal.exec.dynamicfilter;

import java.util.Arrays;

/**
 * The distinct non-null values of one build key, for membership tests on the probe side: a
 * bitmap over [min, max] when the values are dense enough (surrogate keys usually are), an
 * open-addressing hash set otherwise. Immutable once built, so scans on several threads share it.
 */
final class LongKeySet {
    /** A bitmap may take up to this many bits per value before a hash set is the smaller choice. */
    private static final long BITS_PER_VALUE = 64;
    private static final long MAX_BITMAP_BITS = 1L << 31;
    private static final long EMPTY = Long.MIN_VALUE;

    private final long min;
    private final long max;
    private final long[] bitmap;
    private final long[] slots;
    private final int mask;
    private final boolean holdsEmptyMarker;

    private LongKeySet(long min, long max, long[] bitmap, long[] slots, boolean holdsEmptyMarker) {
        this.min = min;
        this.max = max;
        this.bitmap = bitmap;
        this.slots = slots;
        this.mask = slots == null ? 0 : slots.length - 1;
        this.holdsEmptyMarker = holdsEmptyMarker;
    }

    static LongKeySet of(long[] values, boolean[] nulls, int count) {
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        int nonNull = 0;
        for (int i = 0; i < count; i++) {
            if (nulls == null || !nulls[i]) {
                min = Math.min(min, values[i]);
                max = Math.max(max, values[i]);
                nonNull++;
            }
        }
        if (nonNull == 0) {
            return new LongKeySet(1, 0, new long[0], null, false);
        }
        double span = (double) max - min + 1;
        if (span <= Math.min(MAX_BITMAP_BITS, Math.max(1 << 16, BITS_PER_VALUE * nonNull))) {
            long[] bitmap = new long[(int) ((max - min) >>> 6) + 1];
            for (int i = 0; i < count; i++) {
                if (nulls == null || !nulls[i]) {
                    long offset = values[i] - min;
                    bitmap[(int) (offset >>> 6)] |= 1L << offset;
                }
            }
            return new LongKeySet(min, max, bitmap, null, false);
        }
        long[] slots = new long[Integer.highestOneBit(Math.max(2, nonNull) * 2 - 1) << 1];
        Arrays.fill(slots, EMPTY);
        int mask = slots.length - 1;
        boolean holdsEmptyMarker = false;
        for (int i = 0; i < count; i++) {
            if (nulls != null && nulls[i]) {
                continue;
            }
            long value = values[i];
            if (value == EMPTY) {
                holdsEmptyMarker = true;
                continue;
            }
            int slot = slot(value, mask);
            while (slots[slot] != EMPTY && slots[slot] != value) {
                slot = (slot + 1) & mask;
            }
            slots[slot] = value;
        }
        return new LongKeySet(min, max, null, slots, holdsEmptyMarker);
    }

    /** Whether any value of {@code [low, high]} may be in the set (its range overlaps it); false for an empty set. */
    boolean overlaps(long low, long high) {
        return min <= max && low <= max && high >= min;
    }

    boolean contains(long value) {
        if (value < min || value > max) {
            return false;
        }
        if (bitmap != null) {
            long offset = value - min;
            return (bitmap[(int) (offset >>> 6)] & (1L << offset)) != 0;
        }
        if (value == EMPTY) {
            return holdsEmptyMarker;
        }
        int slot = slot(value, mask);
        while (true) {
            long held = slots[slot];
            if (held == value) {
                return true;
            }
            if (held == EMPTY) {
                return false;
            }
            slot = (slot + 1) & mask;
        }
    }

    private static int slot(long value, int mask) {
        long h = value * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32)) & mask;
    }
}
