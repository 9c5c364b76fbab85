package dev.shoal.exec.task;

import dev.shoal.exec.exchange.ExchangeStats;

import java.util.concurrent.atomic.LongAdder;

/**
 * What a task did: files, rows and bytes read from storage and received from exchanges, row groups
 * skipped and rows dropped by dynamic filters, rows produced, and splits read to their end (its progress).
 */
public record TaskStats(LongAdder bytesRead, LongAdder rowsRead, LongAdder rowsOutput, ExchangeStats received,
                        LongAdder rowsDynamicallyFiltered, LongAdder filesRead, LongAdder splitsCompleted, LongAdder rowGroupsSkipped) {
    public TaskStats() {
        this(new LongAdder(), new LongAdder(), new LongAdder(), new ExchangeStats(), new LongAdder(), new LongAdder(), new LongAdder(),
                new LongAdder());
    }
}
