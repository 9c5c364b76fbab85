package dev.shoal.exec.exchange;

import dev.shoal.core.batch.Batch;
import dev.shoal.core.batch.ColumnVector;
import dev.shoal.core.batch.VectorBuilder;
import dev.shoal.core.type.DataType;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A batch crosses Arrow and comes back with the same values and NULLs, whole, sliced or empty, into a reused root. */
class ArrowBatchesTest {
    private static final List<DataType> TYPES = List.of(DataType.BIGINT, DataType.DOUBLE, DataType.BOOLEAN,
            DataType.VARCHAR, DataType.decimal(12, 2), DataType.decimal(30, 4));

    private static Batch randomBatch(Random random, int rows, double nullShare) {
        List<Function<Random, Object>> values = List.of(
                r -> r.nextLong(),
                r -> r.nextGaussian() * 1e6,
                r -> r.nextBoolean(),
                r -> "v" + "é".repeat(r.nextInt(3)) + r.nextInt(1000),
                r -> (long) r.nextInt(1_000_000),
                r -> r.nextBoolean() ? BigInteger.valueOf(r.nextLong()).shiftLeft(40) : BigInteger.valueOf(r.nextInt()));
        List<ColumnVector> columns = new ArrayList<>();
        for (int c = 0; c < TYPES.size(); c++) {
            VectorBuilder builder = VectorBuilder.create(TYPES.get(c), rows);
            for (int i = 0; i < rows; i++) {
                builder.appendValue(random.nextDouble() < nullShare ? null : values.get(c).apply(random));
            }
            columns.add(builder.build());
        }
        return new Batch(columns, rows);
    }

    private static void assertSameRows(Batch expected, Batch actual) {
        assertEquals(expected.rowCount(), actual.rowCount());
        for (int c = 0; c < expected.columnCount(); c++) {
            for (int i = 0; i < expected.rowCount(); i++) {
                assertEquals(expected.column(c).valueAt(i), actual.column(c).valueAt(i), "column " + c + " row " + i);
                assertEquals(expected.column(c).isNull(i), actual.column(c).isNull(i), "column " + c + " row " + i);
            }
        }
    }

    @Test
    void valuesAndNullsSurviveTheRoundTrip() {
        Random random = new Random(42);
        try (BufferAllocator allocator = new RootAllocator(); VectorSchemaRoot root = ArrowBatches.createRoot(TYPES, allocator)) {
            for (double nullShare : new double[] {0, 0.3, 1}) {
                for (int rows : new int[] {1, 7, 1000}) {
                    Batch batch = randomBatch(random, rows, nullShare);
                    ArrowBatches.fill(root, batch);
                    assertSameRows(batch, ArrowBatches.toBatch(root, TYPES));
                }
            }
        }
    }

    @Test
    void aSliceStartingInsideItsBytesAndAnEmptyBatchCrossToo() {
        Random random = new Random(7);
        try (BufferAllocator allocator = new RootAllocator(); VectorSchemaRoot root = ArrowBatches.createRoot(TYPES, allocator)) {
            Batch slice = randomBatch(random, 100, 0.2).slice(37, 41);
            ArrowBatches.fill(root, slice);
            assertSameRows(slice, ArrowBatches.toBatch(root, TYPES));

            Batch empty = randomBatch(random, 10, 0.2).slice(3, 0);
            ArrowBatches.fill(root, empty);
            assertSameRows(empty, ArrowBatches.toBatch(root, TYPES));
        }
    }
}
