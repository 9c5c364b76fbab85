package dev.shoal.coordinator.query;

import dev.shoal.core.plan.Split;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SplitAssignerTest {
    private static final long MB = 1L << 20;

    @Test
    void aSingleLargeFileIsCutIntoContiguousRangesOnePerTask() {
        List<Split> ranges = SplitAssigner.cut(List.of(new Split("s3://b/t/one.parquet", 40 * MB)), 2);
        assertEquals(2, ranges.size());
        assertEquals(0, ranges.get(0).start());
        assertEquals(ranges.get(0).end(), ranges.get(1).start());
        assertEquals(40 * MB, ranges.get(1).end());
        List<Split> all = new ArrayList<>();
        for (int task = 0; task < 2; task++) {
            List<Split> mine = SplitAssigner.share(ranges, task, 2);
            assertEquals(1, mine.size(), "each task gets one range");
            all.addAll(mine);
        }
        assertEquals(40 * MB, all.stream().mapToLong(Split::bytes).sum());
    }

    @Test
    void enoughFilesOrSmallFilesStayWhole() {
        List<Split> files = List.of(new Split("s3://b/t/a.parquet", 100 * MB), new Split("s3://b/t/b.parquet", 90 * MB));
        assertEquals(files, SplitAssigner.cut(files, 2));
        List<Split> small = List.of(new Split("s3://b/t/s.parquet", 3 * MB));
        assertEquals(small, SplitAssigner.cut(small, 4));
        assertTrue(SplitAssigner.cut(List.of(new Split("s3://b/t/m.parquet", 9 * MB)), 4).size() <= 2,
                "no range under the minimum size");
    }
}
