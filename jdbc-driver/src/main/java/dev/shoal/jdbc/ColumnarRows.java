package dev.shoal.jdbc;

import java.sql.SQLException;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * A result's rows as Avatica's cursor reads them, with each columnar frame the coordinator sent
 * (one row holding one binary value) opened into its rows as the cursor reaches it; rows of any
 * other form (metadata listings, EXPLAIN) pass through as they came.
 */
final class ColumnarRows implements Iterable<Object> {
    private final Iterable<Object> frames;
    /** The row the cursor is on: the last one handed out (Avatica's cursor reads one iterator, once). */
    private volatile List<?> current;

    ColumnarRows(Iterable<Object> frames) {
        this.frames = frames;
    }

    @Override
    public Iterator<Object> iterator() {
        Iterator<Object> source = frames.iterator();
        return new Iterator<>() {
            private Iterator<Object> rows = Collections.emptyIterator();

            @Override
            public boolean hasNext() {
                while (!rows.hasNext()) {
                    if (!source.hasNext()) {
                        return false;
                    }
                    rows = open(source.next());
                }
                return true;
            }

            @Override
            public Object next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                Object row = rows.next();
                current = row instanceof List<?> list ? list : row instanceof Object[] array ? Arrays.asList(array) : null;
                return row;
            }
        };
    }

    /** The current row's value of {@code column} as it arrived, before Avatica's accessors convert it. */
    Object value(int column) {
        List<?> row = current;
        return row == null ? null : row.get(column);
    }

    /** The rows {@code row} stands for: those of a columnar frame, else itself. */
    private static Iterator<Object> open(Object row) {
        byte[] frame = ColumnarFrameDecoder.frameIn(row);
        if (frame == null) {
            return List.of(row).iterator();
        }
        try {
            // Each row a List: Avatica's cursors read a List whatever the signature's style, an array only in ARRAY style.
            return Arrays.stream(ColumnarFrameDecoder.decode(frame)).map(values -> (Object) Arrays.asList(values)).iterator();
        } catch (SQLException e) {
            // Avatica's cursor takes no checked exceptions; ShoalResultSet.next() reports it as an SQLException.
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
