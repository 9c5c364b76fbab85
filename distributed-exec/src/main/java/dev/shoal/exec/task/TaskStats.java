package dev.shoal.exec.task;

import java.util.concurrent.atomic.LongAdder;

/** What a task did: rows and bytes read from storage, rows produced. */
public record TaskStats(LongAdder bytesRead, LongAdder rowsRead, LongAdder rowsOutput) {
    public TaskStats() {
        this(new LongAdder(), new LongAdder(), new LongAdder());
    }
}
