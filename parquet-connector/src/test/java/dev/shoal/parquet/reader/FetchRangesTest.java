package dev.shoal.parquet.reader;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A row group's chunks become few requests: adjacent ones always together, near ones while the request stays small. */
class FetchRangesTest {
    private static String ranges(List<long[]> chunks, long maxGap) {
        return FetchRanges.of(chunks, maxGap).stream().map(r -> r[0] + "+" + r[1]).toList().toString();
    }

    @Test
    void adjacentChunksAreOneRequestWhateverTheirSizeOrOrder() {
        long big = FetchRanges.MAX_MERGED_BYTES;
        List<long[]> chunks = List.of(new long[] {big, big}, new long[] {0, big}, new long[] {2 * big, 10});
        assertEquals("[0+" + (2 * big + 10) + "]", ranges(chunks, 0));
    }

    @Test
    void aGapUpToTheStoresCostIsReadRatherThanSkipped() {
        List<long[]> chunks = List.of(new long[] {0, 100}, new long[] {150, 100}, new long[] {1000, 100});
        assertEquals("[0+250, 1000+100]", ranges(chunks, 50));
        assertEquals("[0+100, 150+100, 1000+100]", ranges(chunks, 49));
        assertEquals("[0+1100]", ranges(chunks, 750));
        assertEquals("[0+100, 150+100, 1000+100]", ranges(chunks, 0));
    }

    @Test
    void nearChunksStopJoiningOnceTheRequestWouldGrowPastItsBound() {
        long third = FetchRanges.MAX_MERGED_BYTES / 3;
        List<long[]> chunks = List.of(new long[] {0, third}, new long[] {third + 10, third}, new long[] {2 * third + 20, third});
        assertEquals("[0+" + (2 * third + 10) + ", " + (2 * third + 20) + "+" + third + "]", ranges(chunks, 10));
    }
}
