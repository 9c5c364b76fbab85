package dev.shoal.parquet.reader;

import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.xerial.snappy.Snappy;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * parquet-java's codecs, except that Snappy pages are decompressed from the fetched bytes into
 * one new array in a single call. parquet-java's own Snappy path streams each page through a
 * decompressor stream and a pair of direct buffers: three copies and a stream buffer per page.
 */
final class HeapSnappyCodecs implements CompressionCodecFactory {
    private final CompressionCodecFactory others;

    HeapSnappyCodecs(CompressionCodecFactory others) {
        this.others = others;
    }

    @Override
    public BytesInputCompressor getCompressor(CompressionCodecName codec) {
        return others.getCompressor(codec);
    }

    @Override
    public BytesInputDecompressor getDecompressor(CompressionCodecName codec) {
        return codec == CompressionCodecName.SNAPPY ? SnappyPages.INSTANCE : others.getDecompressor(codec);
    }

    @Override
    public void release() {
        others.release();
    }

    /**
     * The length a Snappy block says it decompresses to: the varint it starts with (-1 when there is none).
     * Read here rather than through a second native call per page.
     */
    static long uncompressedLength(byte[] in, int from, int end) {
        long value = 0;
        for (int shift = 0, i = from; i < end && shift <= 28; shift += 7, i++) {
            value |= (long) (in[i] & 0x7f) << shift;
            if ((in[i] & 0x80) == 0) {
                return value;
            }
        }
        return -1;
    }

    /** Stateless, so one serves every reader. */
    private static final class SnappyPages implements BytesInputDecompressor {
        static final SnappyPages INSTANCE = new SnappyPages();

        @Override
        public BytesInput decompress(BytesInput bytes, int decompressedSize) throws IOException {
            byte[] out = new byte[decompressedSize];
            uncompress(bytes.toByteBuffer(), out, 0, decompressedSize);
            return BytesInput.from(out);
        }

        @Override
        public void decompress(ByteBuffer input, int compressedSize, ByteBuffer output, int decompressedSize)
                throws IOException {
            ByteBuffer compressed = input.slice();
            compressed.limit(compressedSize);
            byte[] out = output.hasArray() ? output.array() : new byte[decompressedSize];
            int at = output.hasArray() ? output.arrayOffset() + output.position() : 0;
            uncompress(compressed, out, at, decompressedSize);
            if (!output.hasArray()) {
                output.put(out);
            } else {
                output.position(output.position() + decompressedSize);
            }
            input.position(input.position() + compressedSize);
        }

        private static void uncompress(ByteBuffer compressed, byte[] out, int at, int decompressedSize) throws IOException {
            byte[] in;
            int from;
            if (compressed.hasArray()) {
                in = compressed.array();
                from = compressed.arrayOffset() + compressed.position();
            } else {
                in = new byte[compressed.remaining()];
                compressed.duplicate().get(in);
                from = 0;
            }
            int length = compressed.remaining();
            long holds = uncompressedLength(in, from, from + length);
            if (holds != decompressedSize) {
                throw new IOException("a Snappy page holds " + holds + " bytes where its header says " + decompressedSize);
            }
            Snappy.uncompress(in, from, length, out, at);
        }

        @Override
        public void release() {
        }
    }
}
