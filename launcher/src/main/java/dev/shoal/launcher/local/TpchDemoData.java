package dev.shoal.launcher.local;

import dev.shoal.core.batch.Batch;
import dev.shoal.core.batch.ColumnVector;
import dev.shoal.core.batch.VectorBuilder;
import dev.shoal.core.catalog.TableDefinition;
import dev.shoal.core.plan.ScanColumn;
import dev.shoal.core.type.DataType;
import dev.shoal.parquet.store.Location;
import dev.shoal.parquet.store.ObjectStore;
import dev.shoal.parquet.writer.ParquetBatchWriter;
import dev.shoal.parquet.writer.ParquetWriteOptions;
import io.trino.tpch.TpchColumn;
import io.trino.tpch.TpchEntity;
import io.trino.tpch.TpchTable;

import java.util.ArrayList;
import java.util.List;

/**
 * TPC-H data as Parquet, generated once into a store with the standard column types: keys BIGINT,
 * money and quantities DECIMAL(15,2), dates DATE. A marker object written last records a complete
 * generation, so an interrupted one is redone.
 */
public final class TpchDemoData {
    public static final String SCHEMA = "tpch";
    private static final int BATCH_ROWS = 16_384;
    private static final DataType MONEY = DataType.decimal(15, 2);
    private static final String MARKER_PREFIX = "_shoal_generated_sf";

    private TpchDemoData() {
    }

    /** Generates the data under {@code root} unless already there; returns the table definitions. */
    public static List<TableDefinition> ensure(ObjectStore store, Location root, double scaleFactor) {
        Location marker = root.resolve(MARKER_PREFIX + scaleFactor);
        List<Location> markers = store.list(root.asDirectory()).stream()
                .map(o -> o.location()).filter(l -> l.key().startsWith(root.resolve(MARKER_PREFIX).key())).toList();
        boolean present = markers.stream().anyMatch(l -> l.key().equals(marker.key()));
        if (!present) {
            // The files are about to be rewritten at this scale: a marker of another scale would no longer be true.
            markers.forEach(store::delete);
        }
        List<TableDefinition> tables = new ArrayList<>();
        for (TpchTable<?> table : TpchTable.getTables()) {
            Location dir = root.resolve(table.getTableName() + "/");
            if (!present) {
                generate(store, table, dir, scaleFactor);
            }
            tables.add(new TableDefinition(SCHEMA, table.getTableName(), dir.toString(), columns(table)));
        }
        if (!present) {
            store.write(marker, new byte[0]);
        }
        return tables;
    }

    private static <E extends TpchEntity> List<ScanColumn> columns(TpchTable<E> table) {
        List<ScanColumn> columns = new ArrayList<>();
        for (TpchColumn<E> column : table.getColumns()) {
            columns.add(new ScanColumn(column.getColumnName(), typeOf(column)));
        }
        return columns;
    }

    private static DataType typeOf(TpchColumn<?> column) {
        return switch (column.getType().getBase()) {
            case IDENTIFIER -> DataType.BIGINT;
            case INTEGER -> DataType.INTEGER;
            case DATE -> DataType.DATE;
            case DOUBLE -> MONEY;
            case VARCHAR -> DataType.VARCHAR;
        };
    }

    private static <E extends TpchEntity> void generate(ObjectStore store, TpchTable<E> table, Location dir, double scaleFactor) {
        // The two big tables come in two files each, so that scans have several splits.
        int parts = table == TpchTable.LINE_ITEM || table == TpchTable.ORDERS ? 2 : 1;
        List<ScanColumn> columns = columns(table);
        List<TpchColumn<E>> tpchColumns = table.getColumns();
        for (int part = 1; part <= parts; part++) {
            Location file = dir.resolve("part-" + part + ".parquet");
            try (ParquetBatchWriter writer = new ParquetBatchWriter(store, file, columns,
                    ParquetWriteOptions.defaults().withRowGroupBytes(16L * 1024 * 1024))) {
                List<VectorBuilder> builders = newBuilders(columns);
                for (E row : table.createGenerator(scaleFactor, part, parts)) {
                    for (int c = 0; c < tpchColumns.size(); c++) {
                        builders.get(c).appendValue(value(tpchColumns.get(c), row));
                    }
                    if (builders.get(0).size() == BATCH_ROWS) {
                        writer.write(toBatch(builders));
                        builders = newBuilders(columns);
                    }
                }
                if (builders.get(0).size() > 0) {
                    writer.write(toBatch(builders));
                }
            }
        }
    }

    private static <E extends TpchEntity> Object value(TpchColumn<E> column, E row) {
        return switch (column.getType().getBase()) {
            case IDENTIFIER -> column.getIdentifier(row);
            case INTEGER -> (long) column.getInteger(row);
            case DATE -> (long) column.getDate(row);
            // dbgen's money values have two decimals; round the double back to cents.
            case DOUBLE -> Math.round(column.getDouble(row) * 100);
            case VARCHAR -> column.getString(row);
        };
    }

    private static List<VectorBuilder> newBuilders(List<ScanColumn> columns) {
        return columns.stream().map(c -> VectorBuilder.create(c.type(), BATCH_ROWS)).toList();
    }

    private static Batch toBatch(List<VectorBuilder> builders) {
        List<ColumnVector> vectors = builders.stream().map(VectorBuilder::build).toList();
        return new Batch(vectors, vectors.get(0).size());
    }
}
