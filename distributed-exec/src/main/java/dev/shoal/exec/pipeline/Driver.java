package dev.shoal.exec.pipeline;

import dev.shoal.core.batch.Batch;
import dev.shoal.exec.operator.Operator;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;

/**
 * Runs one chain of push operators, source first and sink last, as Trino's Driver does: moves each
 * operator's output into the next one that needs input, finishes an operator once the one before
 * it is finished, and closes an operator and everything before it as soon as it is finished (a
 * LIMIT that has its rows stops its scan). When no batch moves and an operator is blocked, it
 * returns that operator's future, and its thread goes to another driver.
 */
public final class Driver implements AutoCloseable {
    private final List<Operator> active;
    private final BooleanSupplier stopped;
    /** Whether the first operators were closed: the first one left has ended input, and is finished again at each step. */
    private boolean inputEnded;

    /** {@code stopped}: whether the driver's task was canceled or failed, checked between steps. */
    public Driver(List<Operator> operators, BooleanSupplier stopped) {
        if (operators.size() < 2) {
            throw new IllegalArgumentException("a driver runs a source and a sink at least");
        }
        this.active = new ArrayList<>(operators);
        this.stopped = stopped;
    }

    /** Runs until blocked, finished, stopped or the quantum has passed; a pending future when blocked. */
    public synchronized CompletableFuture<Void> process(long quantumNanos) {
        long end = System.nanoTime() + quantumNanos;
        while (!active.isEmpty() && !stopped.getAsBoolean()) {
            CompletableFuture<Void> blocked = step();
            if (!blocked.isDone()) {
                return blocked;
            }
            if (System.nanoTime() - end >= 0) {
                break;
            }
        }
        return Operator.NOT_BLOCKED;
    }

    public synchronized boolean isFinished() {
        return active.isEmpty();
    }

    private CompletableFuture<Void> step() {
        boolean moved = false;
        if (inputEnded && !active.isEmpty()) {
            // As Trino's: an operator may have work left once its input ended (a join build's partition).
            active.get(0).finish();
        }
        for (int i = 0; i < active.size() - 1; i++) {
            Operator current = active.get(i);
            Operator next = active.get(i + 1);
            if (!current.isBlocked().isDone()) {
                continue;
            }
            if (!current.isFinished() && next.isBlocked().isDone() && next.needsInput()) {
                Batch batch = current.getOutput();
                if (batch != null && batch.rowCount() > 0) {
                    next.addInput(batch);
                    moved = true;
                }
            }
            if (current.isFinished()) {
                next.finish();
            }
        }
        for (int i = active.size() - 1; i >= 0; i--) {
            if (active.get(i).isFinished()) {
                // It and every operator before it are done: close them, and finish the new first one.
                List<Operator> done = active.subList(0, i + 1);
                closeAll(done);
                done.clear();
                inputEnded = true;
                if (!active.isEmpty()) {
                    active.get(0).finish();
                }
                moved = true;
                break;
            }
        }
        if (moved) {
            return Operator.NOT_BLOCKED;
        }
        List<CompletableFuture<Void>> blocked = new ArrayList<>();
        for (Operator operator : active) {
            CompletableFuture<Void> future = operator.isBlocked();
            if (!future.isDone()) {
                blocked.add(future);
            }
        }
        if (blocked.isEmpty()) {
            return Operator.NOT_BLOCKED;
        }
        return blocked.size() == 1 ? blocked.get(0)
                : CompletableFuture.anyOf(blocked.toArray(CompletableFuture[]::new)).thenApply(ignored -> null);
    }

    /** Closes what is still open; safe to call more than once. */
    @Override
    public synchronized void close() {
        closeAll(active);
        active.clear();
    }

    private static void closeAll(List<Operator> operators) {
        RuntimeException failure = null;
        for (Operator operator : operators) {
            try {
                operator.close();
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
