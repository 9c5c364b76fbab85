package dev.shoal.exec.operator;

import dev.shoal.core.batch.Batch;

/**
 * OFFSET and LIMIT over one driver's rows, against a count shared by all drivers of the pipeline:
 * once the limit is reached every driver's limit is finished, and the driver stops the operators
 * before it (the scan reads no further).
 */
public final class LimitOperator extends BatchTransform {
    private final SharedLimit limit;

    public LimitOperator(long offset, long count) {
        this(new SharedLimit(offset, count));
    }

    public LimitOperator(SharedLimit limit) {
        this.limit = limit;
    }

    /** The rows still to skip and to pass, taken by the drivers batch by batch. */
    public static final class SharedLimit {
        private long toSkip;
        private long remaining;

        public SharedLimit(long offset, long count) {
            this.toSkip = offset;
            this.remaining = count < 0 ? Long.MAX_VALUE : count;
        }

        /** Of a batch of {@code rows}: {first row passed, rows passed}. */
        synchronized int[] claim(int rows) {
            int from = (int) Math.min(toSkip, rows);
            toSkip -= from;
            int count = (int) Math.min(remaining, rows - from);
            remaining -= count;
            return new int[] {from, count};
        }

        synchronized boolean reached() {
            return remaining == 0;
        }
    }

    @Override
    protected Batch process(Batch batch) {
        int[] range = limit.claim(batch.rowCount());
        return range[1] == 0 ? null : range[1] == batch.rowCount() ? batch : batch.slice(range[0], range[1]);
    }

    @Override
    public boolean needsInput() {
        return super.needsInput() && !limit.reached();
    }

    @Override
    public boolean isFinished() {
        return super.isFinished() || limit.reached() && !hasPending();
    }
}
