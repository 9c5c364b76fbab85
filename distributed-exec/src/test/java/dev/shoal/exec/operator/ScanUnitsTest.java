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

/**
 * When the scan's drivers cut a split into row groups and a row group into pieces, where the parts go, and how a
 * driver with nothing to take waits.
 */
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
                units.cut(taken.unit(), List.of(), false);
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
        units.cut(taken.unit(), pieces, true);

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

        units.cut(taken.unit(), List.of(new RowRange(0, 0, 10), new RowRange(0, 10, 10)), true);
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
        units.cut(taken.unit(), List.of(), false);
        assertTrue(changed.isDone());
        assertTrue(units.exhausted(), "its taker reads the split whole; nothing is left for the others");
    }

    @Test
    void aSplitIsCutIntoItsRowGroupsAndOnlyTheLastRowGroupsIntoPieces() {
        ScanUnits units = new ScanUnits(splits(2), 2);
        ScanUnits.Taken first = units.take();
        assertTrue(first.cut(), "one split left: fewer than two units a driver");
        assertFalse(first.pieces(), "the other split is still whole: row groups, not pieces");
        units.cut(first.unit(), List.of(new RowRange(0, 0, 100), new RowRange(1, 0, 100), new RowRange(2, 0, 100)), false);

        List<ScanUnits.Taken> rowGroups = List.of(units.take(), units.take(), units.take());
        assertEquals(List.of(ScanUnits.Grain.ROW_GROUP, ScanUnits.Grain.ROW_GROUP, ScanUnits.Grain.ROW_GROUP),
                rowGroups.stream().map(t -> t.unit().grain()).toList());
        assertTrue(rowGroups.stream().noneMatch(ScanUnits.Taken::cut), "a split is still whole: its row groups are read whole");
        assertTrue(rowGroups.get(0).unit().counted());
        assertFalse(rowGroups.get(1).unit().counted());

        ScanUnits.Taken second = units.take();
        assertEquals(ScanUnits.Grain.SPLIT, second.unit().grain());
        assertTrue(second.cut());
        assertTrue(second.pieces(), "no split is left whole: a split of one row group may be cut into pieces");
        units.cut(second.unit(), List.of(new RowRange(0, 0, 100), new RowRange(1, 0, 100), new RowRange(2, 0, 100)), false);

        ScanUnits.Taken tail = units.take();
        assertEquals(ScanUnits.Grain.ROW_GROUP, tail.unit().grain());
        assertTrue(tail.cut(), "the tail: a row group taken when few are left is cut into pieces");
        units.cut(tail.unit(), List.of(new RowRange(0, 0, 50), new RowRange(0, 50, 50)), true);
        ScanUnits.Taken piece = units.take();
        assertEquals(ScanUnits.Grain.PIECE, piece.unit().grain());
        assertFalse(piece.cut(), "a piece is never cut");
        assertSame(piece.unit().dictionaries(), units.take().unit().dictionaries(), "the pieces of one row group share its dictionaries");
        assertEquals(ScanUnits.Grain.ROW_GROUP, units.take().unit().grain());
    }

    @Test
    void rowGroupsAreNotCutWhileManyUnitsAreLeft() {
        ScanUnits units = new ScanUnits(splits(1), 2);
        ScanUnits.Taken split = units.take();
        List<RowRange> rowGroups = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            rowGroups.add(new RowRange(i, 0, 100));
        }
        units.cut(split.unit(), rowGroups, false);
        List<Boolean> cut = new ArrayList<>();
        for (ScanUnits.Taken taken = units.take(); taken != null; taken = units.take()) {
            cut.add(taken.cut());
            if (taken.cut()) {
                units.cut(taken.unit(), List.of(), true);
            }
        }
        // Six row groups, two drivers: fewer than two units a driver left after the take for the last four.
        assertEquals(List.of(false, false, true, true, true, true), cut);
    }
}
