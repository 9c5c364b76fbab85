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
 * once only a few are left, their row groups, and last pieces of those. A driver that takes a split
 * when fewer than two units a driver remain cuts it into its row groups ({@link #cut}) and puts them
 * back; once no split is left whole, a row group taken then is cut into pieces, so that the last
 * large row groups are shared by every driver instead of keeping one busy while the others wait.
 * Only the tail is cut that fine: a piece costs more to read than its share of a row group (its own
 * reader, page index and fetches: 8% more CPU for TPC-H lineitem's Q6 columns in four pieces a row group, in
 * ./benchmarks/run-scan-units).
 * A driver that finds no work while another is cutting waits for the pieces ({@link #changed}).
 */
public final class ScanUnits {
    /** How much of a split a unit is. */
    public enum Grain {
        SPLIT, ROW_GROUP, PIECE
    }

    /**
     * A split, whole ({@code range} null), one of its row groups or a piece of one, with the dictionaries the pieces of
     * that row group share; {@code counted} by the statistics (a split's first row group or piece stands for the split).
     */
    public record Unit(Split split, RowRange range, SharedDictionaries dictionaries, boolean counted, Grain grain) {
    }

    /**
     * A unit taken; whether its driver should cut it and put the parts back; and whether those may be pieces of
     * row groups (no split is left whole), else only whole row groups.
     */
    public record Taken(Unit unit, boolean cut, boolean pieces) {
    }

    private final Deque<Unit> units = new ArrayDeque<>();
    private final int drivers;
    /** Units taken to be cut and not yet put back. */
    private int cutting;
    /** Splits queued whole. */
    private int wholeSplits;
    private CompletableFuture<Void> changed = new CompletableFuture<>();

    /** {@code drivers}: how many share the units (with one, nothing is cut). */
    public ScanUnits(Collection<Split> splits, int drivers) {
        splits.forEach(split -> units.add(new Unit(split, null, null, true, Grain.SPLIT)));
        this.drivers = drivers;
        this.wholeSplits = splits.size();
    }

    /** The next unit, or null when there is none now. */
    public synchronized Taken take() {
        Unit unit = units.poll();
        if (unit == null) {
            return null;
        }
        if (unit.grain() == Grain.SPLIT) {
            wholeSplits--;
        }
        boolean few = drivers > 1 && units.size() < 2 * drivers;
        boolean pieces = wholeSplits == 0;
        boolean cut = few && (unit.grain() == Grain.SPLIT || unit.grain() == Grain.ROW_GROUP && pieces);
        if (cut) {
            cutting++;
        }
        return new Taken(unit, cut, pieces);
    }

    /**
     * The parts of a unit taken to be cut ({@code pieces}: pieces of row groups, else whole row groups), put first so
     * that idle drivers take them now; none when it could not be cut (its taker then reads it whole). Must follow
     * every {@link Taken#cut()}, even a failed one.
     */
    public synchronized void cut(Unit unit, List<RowRange> parts, boolean pieces) {
        Map<Integer, SharedDictionaries> dictionaries = new HashMap<>();
        List<Unit> cut = new ArrayList<>(parts.size());
        for (int i = 0; i < parts.size(); i++) {
            RowRange part = parts.get(i);
            cut.add(new Unit(unit.split(), part, dictionaries.computeIfAbsent(part.rowGroup(), g -> new SharedDictionaries()),
                    i == 0 && unit.counted(), pieces ? Grain.PIECE : Grain.ROW_GROUP));
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
