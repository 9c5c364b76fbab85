package dev.shoal.exec.operator;

import dev.shoal.core.batch.Batch;

/** OFFSET and LIMIT: stops pulling from its input once the limit is reached. */
public final class LimitOperator implements Operator {
    private final Operator input;
    private long toSkip;
    private long remaining;

    public LimitOperator(Operator input, long offset, long count) {
        this.input = input;
        this.toSkip = offset;
        this.remaining = count < 0 ? Long.MAX_VALUE : count;
    }

    @Override
    public Batch next() {
        while (remaining > 0) {
            Batch batch = input.next();
            if (batch == null) {
                return null;
            }
            int from = (int) Math.min(toSkip, batch.rowCount());
            toSkip -= from;
            int count = (int) Math.min(remaining, batch.rowCount() - from);
            if (count > 0) {
                remaining -= count;
                return batch.slice(from, count);
            }
        }
        return null;
    }

    @Override
    public void close() {
        input.close();
    }
}
