package dev.shoal.jdbc;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.List;

/**
 * Reads the rows of a columnar frame, the one binary value in which the coordinator sends a
 * frame's rows to this driver (its {@code ColumnarFrames} writes it; the layout is documented
 * there): column by column into arrays of the values Avatica's accessors take for each column's
 * representation (Integer days for DATE, {@link EpochMicros} for TIMESTAMP, BigDecimal, String, ...).
 */
final class ColumnarFrameDecoder {
    private static final byte[] MAGIC = {'S', 'H', 'C', '1'};
    private static final byte KIND_BOOLEAN = 0;
    private static final byte KIND_INTEGER = 1;
    private static final byte KIND_BIGINT = 2;
    private static final byte KIND_DOUBLE = 3;
    private static final byte KIND_DECIMAL64 = 4;
    private static final byte KIND_DECIMAL128 = 5;
    private static final byte KIND_VARCHAR = 6;
    private static final byte KIND_DATE = 7;
    private static final byte KIND_TIMESTAMP = 8;

    private ColumnarFrameDecoder() {
    }

    /** The columnar frame a frame's row holds (its one value), or null for a row of values. */
    static byte[] frameIn(Object row) {
        Object value = row instanceof List<?> list && list.size() == 1 ? list.get(0)
                : row instanceof Object[] array && array.length == 1 ? array[0] : null;
        if (!(value instanceof byte[] bytes) || bytes.length < MAGIC.length + 16) {
            return null;
        }
        for (int i = 0; i < MAGIC.length; i++) {
            if (bytes[i] != MAGIC[i]) {
                return null;
            }
        }
        return bytes;
    }

    /** Which execution of its statement a columnar frame's rows belong to. */
    static long result(byte[] frame) {
        return ByteBuffer.wrap(frame).order(ByteOrder.LITTLE_ENDIAN).getLong(MAGIC.length);
    }

    /** The frame's rows, each an array of its column values. */
    static Object[][] decode(byte[] frame) throws SQLException {
        try {
            ByteBuffer in = ByteBuffer.wrap(frame).order(ByteOrder.LITTLE_ENDIAN);
            in.position(MAGIC.length + 8);
            int rows = in.getInt();
            int columns = in.getInt();
            Object[][] out = new Object[rows][columns];
            for (int c = 0; c < columns; c++) {
                readColumn(in, out, c, rows);
            }
            return out;
        } catch (RuntimeException e) {
            throw new SQLException("a result frame from the coordinator is malformed: " + e, "08006", e);
        }
    }

    private static void readColumn(ByteBuffer in, Object[][] out, int column, int rows) throws SQLException {
        byte kind = in.get();
        boolean[] nulls = null;
        if (in.get() == 1) {
            nulls = new boolean[rows];
            for (int r = 0; r < rows; r++) {
                nulls[r] = in.get() == 1;
            }
        }
        switch (kind) {
            case KIND_BOOLEAN -> {
                for (int r = 0; r < rows; r++) {
                    boolean value = in.get() == 1;
                    out[r][column] = isNull(nulls, r) ? null : value;
                }
            }
            case KIND_INTEGER, KIND_DATE -> {
                for (int r = 0; r < rows; r++) {
                    int value = in.getInt();
                    out[r][column] = isNull(nulls, r) ? null : value;
                }
            }
            case KIND_BIGINT -> {
                for (int r = 0; r < rows; r++) {
                    long value = in.getLong();
                    out[r][column] = isNull(nulls, r) ? null : value;
                }
            }
            case KIND_TIMESTAMP -> {
                for (int r = 0; r < rows; r++) {
                    long micros = in.getLong();
                    out[r][column] = isNull(nulls, r) ? null : new EpochMicros(micros);
                }
            }
            case KIND_DOUBLE -> {
                for (int r = 0; r < rows; r++) {
                    double value = in.getDouble();
                    out[r][column] = isNull(nulls, r) ? null : value;
                }
            }
            case KIND_DECIMAL64 -> {
                int scale = in.get();
                for (int r = 0; r < rows; r++) {
                    long unscaled = in.getLong();
                    out[r][column] = isNull(nulls, r) ? null : BigDecimal.valueOf(unscaled, scale);
                }
            }
            case KIND_DECIMAL128 -> {
                int scale = in.get();
                for (int r = 0; r < rows; r++) {
                    long high = in.getLong();
                    long low = in.getLong();
                    out[r][column] = isNull(nulls, r) ? null : new BigDecimal(int128(high, low), scale);
                }
            }
            case KIND_VARCHAR -> readVarchars(in, out, column, rows, nulls);
            default -> throw new SQLException("a result frame from the coordinator has a column of unknown kind " + kind
                    + ": this driver is older than the coordinator", "08006");
        }
    }

    private static void readVarchars(ByteBuffer in, Object[][] out, int column, int rows, boolean[] nulls) {
        int[] offsets = new int[rows + 1];
        for (int r = 0; r <= rows; r++) {
            offsets[r] = in.getInt();
        }
        byte[] data = in.array();
        int base = in.arrayOffset() + in.position();
        for (int r = 0; r < rows; r++) {
            if (!isNull(nulls, r)) {
                out[r][column] = new String(data, base + offsets[r], offsets[r + 1] - offsets[r], StandardCharsets.UTF_8);
            }
        }
        in.position(in.position() + offsets[rows]);
    }

    private static boolean isNull(boolean[] nulls, int row) {
        return nulls != null && nulls[row];
    }

    /** The two's complement 128-bit integer {@code high:low}. */
    static BigInteger int128(long high, long low) {
        byte[] bytes = new byte[16];
        for (int i = 0; i < 8; i++) {
            bytes[i] = (byte) (high >>> (56 - 8 * i));
            bytes[8 + i] = (byte) (low >>> (56 - 8 * i));
        }
        return new BigInteger(bytes);
    }
}
