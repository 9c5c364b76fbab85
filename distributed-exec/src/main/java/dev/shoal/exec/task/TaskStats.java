package dev.shoal.exec.task;

import dev.shoal.exec.exchange.ExchangeStats;

import java.util.concurrent.atomic.LongAdder;

/** What a task did: rows and bytes read from storage and received from exchanges, rows produced. */
public record TaskStats(LongAdder bytesRead, LongAdder rowsRead, LongAdder rowsOutput, ExchangeStats received) {
    public TaskStats() {
        this(new LongAdder(), new LongAdder(), new LongAdder(), new ExchangeStats());
    }
}
