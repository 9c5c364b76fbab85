package dev.shoal.exec.operator;

import dev.shoal.core.plan.Split;
import dev.shoal.parquet.reader.RowRange;
import dev.shoal.parquet.reader.SharedDictionaries;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The scan work of one pipeline, which its drivers take a unit at a time: the task's splits, then,
 * once only a few are left, pieces of their row groups. A driver that takes a split when fewer than
 * two units a driver remain cuts it into pieces ({@link #cut}) and puts them back, so that the last
 * large row groups are shared by every driver instead of keeping one busy while the others wait.
 * A driver that finds no work while another is cutting waits for the pieces ({@link #changed}).
 */
public final class ScanUnits {
    /**
     * A split, whole ({@code range} null) or a piece of one of its row groups, with the dictionaries the pieces of
     * that row group share; {@code counted} by the statistics (a split's first piece stands for the split).
     */
    public record Unit(Split split, RowRange range, SharedDictionaries dictionaries, boolean counted) {
    }

    /** A unit taken, and whether its driver should cut it into pieces and put them back. */
    public record Taken(Unit unit, boolean cut) {
    }

    private final Deque<Unit> units = new ArrayDeque<>();
    private final int drivers;
    /** Splits taken to be cut and not yet put back. */
    private int cutting;
    private CompletableFuture<Void> changed = new CompletableFuture<>();

    /** {@code drivers}: how many share the units (with one, nothing is cut). */
    public ScanUnits(Collection<Split> splits, int drivers) {
        splits.forEach(split -> units.add(new Unit(split, null, null, true)));
        this.drivers = drivers;
    }

    /** The next unit, or null when there is none now. */
    public synchronized Taken take() {
        Unit unit = units.poll();
        if (unit == null) {
            return null;
        }
        boolean cut = unit.range() == null && drivers > 1 && units.size() < 2 * drivers;
        if (cut) {
            cutting++;
        }
        return new Taken(unit, cut);
    }

    /**
     * The pieces of a split taken to be cut, put first so that idle drivers take them now; none when it
     * could not be cut (its taker then reads it whole). Must follow every {@link Taken#cut()}, even a failed one.
     */
    public synchronized void cut(Unit split, List<RowRange> pieces) {
        Map<Integer, SharedDictionaries> dictionaries = new HashMap<>();
        List<Unit> cut = new ArrayList<>(pieces.size());
        for (int i = 0; i < pieces.size(); i++) {
            RowRange piece = pieces.get(i);
            cut.add(new Unit(split.split(), piece, dictionaries.computeIfAbsent(piece.rowGroup(), g -> new SharedDictionaries()),
                    i == 0 && split.counted()));
        }
        for (int i = cut.size() - 1; i >= 0; i--) {
            units.addFirst(cut.get(i));
        }
        cutting--;
        CompletableFuture<Void> waiting = changed;
        changed = new CompletableFuture<>();
        waiting.complete(null);
    }

    /** How many pieces a split's row group is cut into at most: enough for every driver to take a few. */
    public int piecesPerRowGroup() {
        return 2 * drivers;
    }

    /** Whether no unit is left nor will be: none queued, none being cut. */
    public synchronized boolean exhausted() {
        return units.isEmpty() && cutting == 0;
    }

    /** Completes when pieces are put back or a cut ends; already complete when units are waiting. */
    public synchronized CompletableFuture<Void> changed() {
        return units.isEmpty() && cutting > 0 ? changed : CompletableFuture.completedFuture(null);
    }
}
