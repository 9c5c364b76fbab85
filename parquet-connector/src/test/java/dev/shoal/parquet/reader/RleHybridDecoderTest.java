package dev.shoal.parquet.reader;

import org.apache.parquet.bytes.HeapByteBufferAllocator;
import org.apache.parquet.column.values.rle.RunLengthBitPackingHybridEncoder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

/** Our bulk RLE / bit-packing decoder reads exactly what parquet-java's own encoder wrote. */
class RleHybridDecoderTest {
    @ParameterizedTest(name = "bit width {0}")
    @ValueSource(ints = {1, 2, 3, 5, 8, 11, 16, 20, 31})
    void decodesWhatParquetJavaEncodes(int bitWidth) throws Exception {
        Random random = new Random(bitWidth);
        int[] values = new int[10_007];
        int bound = bitWidth == 31 ? Integer.MAX_VALUE : 1 << bitWidth;
        for (int i = 0; i < values.length; ) {
            // Runs of one value (RLE) between stretches of random values (bit-packed).
            int length = 1 + random.nextInt(40);
            boolean run = random.nextBoolean();
            int value = random.nextInt(bound);
            for (int j = 0; j < length && i < values.length; j++, i++) {
                values[i] = run ? value : random.nextInt(bound);
            }
        }
        assertDecodes(values, bitWidth, random);
    }

    /** Long bit-packed runs, as definition levels with scattered NULLs and small dictionaries have: the unrolled path. */
    @ParameterizedTest(name = "bit width {0}")
    @ValueSource(ints = {1, 2, 4, 7, 8, 9})
    void decodesLongBitPackedRuns(int bitWidth) throws Exception {
        Random random = new Random(100 + bitWidth);
        int[] values = new int[10_007];
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextInt(1 << bitWidth);
        }
        assertDecodes(values, bitWidth, random);
    }

    private static void assertDecodes(int[] values, int bitWidth, Random random) throws Exception {
        RunLengthBitPackingHybridEncoder encoder = new RunLengthBitPackingHybridEncoder(bitWidth, 64, 1 << 20,
                new HeapByteBufferAllocator());
        for (int value : values) {
            encoder.writeInt(value);
        }
        byte[] bytes = encoder.toBytes().toByteArray();
        RleHybridDecoder decoder = new RleHybridDecoder(bytes, 0, bytes.length, bitWidth);
        int[] decoded = new int[values.length];
        // In uneven pieces, as pages are read batch by batch.
        int done = 0;
        while (done < values.length) {
            int n = Math.min(values.length - done, 1 + random.nextInt(3000));
            int[] piece = new int[n];
            decoder.decode(piece, n);
            System.arraycopy(piece, 0, decoded, done, n);
            done += n;
        }
        assertArrayEquals(values, decoded);
    }
}
