package dev.shoal.planner.distribute;

import java.util.List;

/**
 * How a subplan's rows are spread over tasks: all in one task (SINGLE), spread by storage splits
 * with no key property (SOURCE), or hash-partitioned on {@code keys} (HASH).
 */
record Distribution(Kind kind, List<Integer> keys) {
    enum Kind { SINGLE, SOURCE, HASH }

    static final Distribution SINGLE = new Distribution(Kind.SINGLE, List.of());
    static final Distribution SOURCE = new Distribution(Kind.SOURCE, List.of());

    static Distribution hash(List<Integer> keys) {
        return new Distribution(Kind.HASH, List.copyOf(keys));
    }

    boolean isSingle() {
        return kind == Kind.SINGLE;
    }

    boolean isHashOn(List<Integer> columns) {
        return kind == Kind.HASH && keys.equals(columns);
    }
}
