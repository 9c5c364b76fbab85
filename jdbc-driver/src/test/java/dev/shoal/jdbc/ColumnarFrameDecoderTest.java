package dev.shoal.jdbc;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Frames written by hand in the layout the coordinator's ColumnarFrames documents. */
class ColumnarFrameDecoderTest {
    private static ByteBuffer frame(long result, int rows, int columns) {
        ByteBuffer out = ByteBuffer.allocate(4096).order(ByteOrder.LITTLE_ENDIAN);
        out.put("SHC1".getBytes(StandardCharsets.US_ASCII)).putLong(result).putInt(rows).putInt(columns);
        return out;
    }

    private static byte[] bytes(ByteBuffer out) {
        return Arrays.copyOf(out.array(), out.position());
    }

    @Test
    void everyKindDecodesToTheValuesAvaticasAccessorsTake() throws SQLException {
        ByteBuffer out = frame(4, 2, 8);
        out.put((byte) 2).put((byte) 0).putLong(Long.MIN_VALUE).putLong(42);
        out.put((byte) 1).put((byte) 1).put((byte) 0).put((byte) 1).putInt(-7).putInt(0);
        out.put((byte) 6).put((byte) 0).putInt(0).putInt(2).putInt(2 + "ü€".getBytes(StandardCharsets.UTF_8).length)
                .put("ab".getBytes(StandardCharsets.UTF_8)).put("ü€".getBytes(StandardCharsets.UTF_8));
        out.put((byte) 4).put((byte) 0).put((byte) 2).putLong(-150).putLong(12345);
        out.put((byte) 5).put((byte) 0).put((byte) 10).putLong(-1).putLong(-5).putLong(0x7).putLong(0);
        out.put((byte) 7).put((byte) 0).putInt(19000).putInt(-1);
        out.put((byte) 8).put((byte) 0).putLong(1_500_999).putLong(-1);
        out.put((byte) 0).put((byte) 1).put((byte) 1).put((byte) 0).put((byte) 0).put((byte) 1);
        byte[] frame = bytes(out);

        assertSame(frame, ColumnarFrameDecoder.frameIn(List.of((Object) frame)));
        assertEquals(4, ColumnarFrameDecoder.result(frame));
        Object[][] rows = ColumnarFrameDecoder.decode(frame);
        assertEquals(Arrays.asList(Long.MIN_VALUE, -7, "ab", new BigDecimal("-1.50"), new BigDecimal("-0.0000000005"), 19000, new EpochMicros(1_500_999), null),
                Arrays.asList(rows[0]));
        assertEquals(Arrays.asList(42L, null, "ü€", new BigDecimal("123.45"), new BigDecimal(BigInteger.valueOf(7).shiftLeft(64), 10), -1,
                new EpochMicros(-1), true), Arrays.asList(rows[1]));
        assertEquals(1500L, ((Number) rows[0][6]).longValue(), "Avatica's accessors see milliseconds");
        assertEquals(-1L, ((Number) rows[1][6]).longValue(), "floored, before 1970 too");
    }

    @Test
    void aFrameWithoutRowsHasNone() throws SQLException {
        ByteBuffer out = frame(1, 0, 1);
        out.put((byte) 6).put((byte) 0).putInt(0);
        assertEquals(0, ColumnarFrameDecoder.decode(bytes(out)).length);
    }

    @Test
    void onlyARowHoldingBytesThatStartLikeAFrameIsOne() {
        assertNull(ColumnarFrameDecoder.frameIn(List.of("SHC1 and more text")));
        assertNull(ColumnarFrameDecoder.frameIn(List.of((Object) new byte[] {'S', 'H', 'C', '1'})));
        assertNull(ColumnarFrameDecoder.frameIn(null));
        assertNull(ColumnarFrameDecoder.frameIn(List.of()));
        assertNull(ColumnarFrameDecoder.frameIn(List.of("a", "b")));
    }

    @Test
    void aTruncatedOrUnknownFrameIsAnSqlException() {
        ByteBuffer truncated = frame(1, 3, 1);
        truncated.put((byte) 2).put((byte) 0).putLong(1);
        SQLException e = assertThrows(SQLException.class, () -> ColumnarFrameDecoder.decode(bytes(truncated)));
        assertEquals("08006", e.getSQLState());
        assertTrue(e.getMessage().contains("malformed"), e.getMessage());

        ByteBuffer unknown = frame(1, 1, 1);
        unknown.put((byte) 99).put((byte) 0).putLong(1);
        e = assertThrows(SQLException.class, () -> ColumnarFrameDecoder.decode(bytes(unknown)));
        assertTrue(e.getMessage().contains("unknown kind 99"), e.getMessage());
    }
}
