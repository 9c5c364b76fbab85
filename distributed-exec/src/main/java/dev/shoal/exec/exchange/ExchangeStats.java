package dev.shoal.exec.exchange;

import java.util.concurrent.atomic.LongAdder;

/** Rows and Arrow bytes a task received through its exchanges. */
public record ExchangeStats(LongAdder rows, LongAdder bytes) {
    public ExchangeStats() {
        this(new LongAdder(), new LongAdder());
    }

    void record(long batchRows, long batchBytes) {
        rows.add(batchRows);
        bytes.add(batchBytes);
    }
}
