package dev.shoal.exec.operator;

import dev.shoal.core.plan.Split;
import dev.shoal.parquet.reader.RowRange;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** When the scan's drivers cut a split into pieces, where the pieces go, and how a driver with nothing to take waits. */
class ScanUnitsTest {
    private static List<Split> splits(int count) {
        List<Split> splits = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            splits.add(new Split("file:///t/part-" + i + ".parquet", 1000));
        }
        return splits;
    }

    @Test
    void oneDriverNeverCuts() {
        ScanUnits units = new ScanUnits(splits(3), 1);
        for (int i = 0; i < 3; i++) {
            assertFalse(units.take().cut());
        }
        assertNull(units.take());
        assertTrue(units.exhausted());
    }

    @Test
    void onlyTheSplitsTakenWhenFewAreLeftAreCut() {
        ScanUnits units = new ScanUnits(splits(10), 2);
        List<Boolean> cut = new ArrayList<>();
        for (ScanUnits.Taken taken = units.take(); taken != null; taken = units.take()) {
            cut.add(taken.cut());
            if (taken.cut()) {
                units.cut(taken.unit(), List.of());
            }
        }
        // Fewer than two units a driver left after the take: the last four of ten.
        assertEquals(List.of(false, false, false, false, false, false, true, true, true, true), cut);
        assertEquals(2 * 2, units.piecesPerRowGroup());
    }

    @Test
    void piecesGoFirstShareARowGroupsDictionariesAndOnlyTheFirstCounts() {
        ScanUnits units = new ScanUnits(splits(2), 2);
        ScanUnits.Taken taken = units.take();
        assertTrue(taken.cut());
        List<RowRange> pieces = List.of(new RowRange(0, 0, 100), new RowRange(0, 100, 50), new RowRange(1, 0, 80));
        units.cut(taken.unit(), pieces);

        List<ScanUnits.Unit> taken3 = List.of(units.take().unit(), units.take().unit(), units.take().unit());
        assertEquals(pieces, taken3.stream().map(ScanUnits.Unit::range).toList(), "the pieces, in order, before the other split");
        assertTrue(taken3.get(0).counted());
        assertFalse(taken3.get(1).counted());
        assertFalse(taken3.get(2).counted());
        assertSame(taken3.get(0).dictionaries(), taken3.get(1).dictionaries(), "pieces of one row group share its dictionaries");
        assertFalse(taken3.get(0).dictionaries() == taken3.get(2).dictionaries(), "another row group's are its own");
        ScanUnits.Taken last = units.take();
        assertNull(last.unit().range(), "then the other split, whole");
        assertTrue(last.cut(), "and, being among the last, to be cut");
    }

    @Test
    void aDriverFindingNothingWhileAnotherCutsWaitsForThePieces() {
        ScanUnits units = new ScanUnits(splits(1), 2);
        ScanUnits.Taken taken = units.take();
        assertNull(units.take(), "nothing queued while the only split is being cut");
        assertFalse(units.exhausted());
        CompletableFuture<Void> changed = units.changed();
        assertFalse(changed.isDone());

        units.cut(taken.unit(), List.of(new RowRange(0, 0, 10), new RowRange(0, 10, 10)));
        assertTrue(changed.isDone(), "the pieces wake the waiting driver");
        assertNotNull(units.take());
        assertTrue(units.changed().isDone(), "a piece is still queued: nothing to wait for");
        assertNotNull(units.take());
        assertTrue(units.exhausted());
    }

    @Test
    void aCutThatFailsOrFindsNothingToCutEndsTheWait() {
        ScanUnits units = new ScanUnits(splits(1), 2);
        ScanUnits.Taken taken = units.take();
        CompletableFuture<Void> changed = units.changed();
        units.cut(taken.unit(), List.of());
        assertTrue(changed.isDone());
        assertTrue(units.exhausted(), "its taker reads the split whole; nothing is left for the others");
    }
}
