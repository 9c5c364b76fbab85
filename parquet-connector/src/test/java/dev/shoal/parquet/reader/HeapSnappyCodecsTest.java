package dev.shoal.parquet.reader;

import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.hadoop.util.HadoopCodecs;
import org.junit.jupiter.api.Test;
import org.xerial.snappy.Snappy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HeapSnappyCodecsTest {
    private final CompressionCodecFactory codecs =
            new HeapSnappyCodecs(HadoopCodecs.newFactory(new PlainParquetConfiguration(), 0));

    @Test
    void aSnappyPageInsideALargerBufferDecompressesToWhatWasCompressed() throws IOException {
        byte[] page = page(100_000);
        ByteBuffer fetched = inside(Snappy.compress(page), 17);
        BytesInput decompressed = codecs.getDecompressor(CompressionCodecName.SNAPPY)
                .decompress(BytesInput.from(fetched), page.length);
        assertArrayEquals(page, decompressed.toByteArray());
    }

    @Test
    void theBufferToBufferFormWritesAtTheOutputsPositionAndAdvancesBoth() throws IOException {
        byte[] page = page(5_000);
        byte[] compressed = Snappy.compress(page);
        ByteBuffer input = inside(compressed, 3);
        ByteBuffer output = ByteBuffer.allocate(page.length + 8);
        output.position(8);
        codecs.getDecompressor(CompressionCodecName.SNAPPY).decompress(input, compressed.length, output, page.length);
        assertEquals(3 + compressed.length, input.position());
        assertEquals(8 + page.length, output.position());
        byte[] written = new byte[page.length];
        output.position(8);
        output.get(written);
        assertArrayEquals(page, written);
    }

    @Test
    void aPageWhoseHeaderGivesAnotherSizeIsAnErrorNotAShortPage() throws IOException {
        byte[] page = page(1_000);
        BytesInput compressed = BytesInput.from(Snappy.compress(page));
        IOException e = assertThrows(IOException.class,
                () -> codecs.getDecompressor(CompressionCodecName.SNAPPY).decompress(compressed, 999));
        assertTrue(e.getMessage().contains("1000 bytes where its header says 999"), e.getMessage());
    }

    @Test
    void theLengthReadFromABlockIsSnappysOwn() throws IOException {
        for (int size : new int[] {0, 1, 127, 128, 16_383, 16_384, 2_097_152, 3_000_001}) {
            byte[] compressed = Snappy.compress(new byte[size]);
            assertEquals(Snappy.uncompressedLength(compressed), HeapSnappyCodecs.uncompressedLength(compressed, 0, compressed.length));
        }
        assertEquals(-1, HeapSnappyCodecs.uncompressedLength(new byte[] {(byte) 0x80, (byte) 0x80}, 0, 2));
    }

    @Test
    void otherCodecsAreParquetJavas() throws IOException {
        byte[] page = page(20_000);
        BytesInput gzipped = codecs.getCompressor(CompressionCodecName.GZIP).compress(BytesInput.from(page));
        BytesInput back = codecs.getDecompressor(CompressionCodecName.GZIP)
                .decompress(BytesInput.from(gzipped.toByteArray()), page.length);
        assertArrayEquals(page, back.toByteArray());
    }

    /** Compressible bytes, as a page of a few distinct values is. */
    private static byte[] page(int size) {
        Random random = new Random(size);
        byte[] bytes = new byte[size];
        for (int i = 0; i < size; i++) {
            bytes[i] = (byte) random.nextInt(8);
        }
        return bytes;
    }

    /** {@code bytes} as a buffer at {@code offset} inside a larger array, as a slice of a fetched column chunk is. */
    private static ByteBuffer inside(byte[] bytes, int offset) {
        byte[] larger = new byte[offset + bytes.length + 11];
        System.arraycopy(bytes, 0, larger, offset, bytes.length);
        return ByteBuffer.wrap(larger, offset, bytes.length);
    }
}
