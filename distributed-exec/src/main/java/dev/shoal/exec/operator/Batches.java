package dev.shoal.exec.operator;

import dev.shoal.core.batch.Batch;
import dev.shoal.core.batch.ColumnVector;
import dev.shoal.core.batch.VectorBuilder;
import dev.shoal.core.type.DataType;

import java.util.ArrayList;
import java.util.List;

/** Concatenation of batches, for operators that must see all their input at once (sort). */
public final class Batches {
    private Batches() {
    }

    public static Batch concat(List<Batch> batches, List<DataType> types) {
        if (batches.size() == 1) {
            return batches.get(0);
        }
        int rows = batches.stream().mapToInt(Batch::rowCount).sum();
        List<ColumnVector> columns = new ArrayList<>(types.size());
        for (int c = 0; c < types.size(); c++) {
            VectorBuilder builder = VectorBuilder.create(types.get(c), rows);
            for (Batch batch : batches) {
                ColumnVector column = batch.column(c);
                for (int i = 0; i < batch.rowCount(); i++) {
                    builder.appendFrom(column, i);
                }
            }
            columns.add(builder.build());
        }
        return new Batch(columns, rows);
    }

    /** Splits a large result into batches of at most {@code size} rows, so it streams. */
    /** The batch's columns at {@code indexes} (a join's or a grouping's keys), in that order. */
    public static ColumnVector[] columns(Batch batch, List<Integer> indexes) {
        ColumnVector[] columns = new ColumnVector[indexes.size()];
        for (int k = 0; k < columns.length; k++) {
            columns[k] = batch.column(indexes.get(k));
        }
        return columns;
    }

    public static List<Batch> split(Batch batch, int size) {
        List<Batch> out = new ArrayList<>();
        for (int from = 0; from < batch.rowCount(); from += size) {
            out.add(batch.slice(from, Math.min(size, batch.rowCount() - from)));
        }
        return out;
    }
}
