package dev.shoal.tests.tpcds;

import io.trino.tpcds.Results;
import io.trino.tpcds.Session;
import io.trino.tpcds.Table;
import io.trino.tpcds.column.Column;
import io.trino.tpcds.column.ColumnType;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The 24 TPC-DS tables as Parquet, {@code <dir>/<table>/<table>[-n].parquet}: rows from
 * {@code io.trino.tpcds} (the dsdgen port that Trino's tpcds connector serves), written by DuckDB,
 * so that Shoal reads files another engine wrote. Column types come from the generator: identifiers
 * BIGINT, INTEGER, DECIMAL(p,s), DATE, and CHAR/VARCHAR as unpadded VARCHAR. The large fact tables
 * are cut into several files so that scans split across workers. Generated once: a finished scale
 * factor is renamed into place, so an interrupted run leaves nothing that looks complete.
 */
public final class TpcdsData {
    private static final Set<Table> FACT_TABLES = Set.of(Table.STORE_SALES, Table.CATALOG_SALES, Table.WEB_SALES, Table.INVENTORY);

    private TpcdsData() {
    }

    /** The table names, in the generator's order (its base tables without dbgen_version). */
    public static List<String> tableNames() {
        return tables().stream().map(Table::getName).toList();
    }

    /** A view per table in DuckDB's default schema over the Parquet files of {@code dir}. */
    public static void createDuckDbViews(Connection duck, Path dir) throws SQLException {
        try (Statement s = duck.createStatement()) {
            for (String table : tableNames()) {
                s.execute("CREATE VIEW " + table + " AS SELECT * FROM read_parquet('" + dir.toAbsolutePath().resolve(table) + "/*.parquet')");
            }
        }
    }

    /** The folder of scale factor {@code scale} under {@code root}, generated first if missing. */
    public static Path ensure(Path root, double scale) throws IOException {
        Path dir = root.resolve("sf" + format(scale));
        if (Files.isDirectory(dir)) {
            return dir;
        }
        Path work = root.resolve("sf" + format(scale) + ".generating");
        deleteRecursively(work);
        Files.createDirectories(work);
        try {
            generate(work, scale);
            Files.move(work, dir, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            deleteRecursively(work);
        }
        return dir;
    }

    private static void generate(Path out, double scale) throws IOException {
        Path text = out.resolve("_text");
        Files.createDirectories(text);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            // Largest first, so that both threads finish at about the same time.
            List<Table> bySize = new ArrayList<>(tables());
            bySize.sort(Comparator.comparing((Table t) -> FACT_TABLES.contains(t)).reversed());
            List<Future<?>> written = new ArrayList<>();
            for (Table table : bySize) {
                written.add(pool.submit(() -> writeText(table, scale, text.resolve(table.getName() + ".tbl"))));
            }
            for (Future<?> future : written) {
                future.get();
            }
        } catch (Exception e) {
            throw new IOException("generating TPC-DS SF " + format(scale) + " failed: " + e.getMessage(), e);
        } finally {
            pool.shutdownNow();
        }
        int factFiles = scale < 1 ? 2 : 4;
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:"); Statement s = duck.createStatement()) {
            s.execute("SET threads=2");
            s.execute("SET preserve_insertion_order=true");
            for (Table table : tables()) {
                Path dir = Files.createDirectories(out.resolve(table.getName()));
                String read = "SELECT * FROM read_csv('" + text.resolve(table.getName() + ".tbl") + "', delim='|', header=false,"
                        + " quote='', escape='', nullstr='', auto_detect=false, columns={" + duckDbColumns(table) + "})";
                if (!FACT_TABLES.contains(table)) {
                    s.execute("COPY (" + read + ") TO '" + dir.resolve(table.getName() + ".parquet") + "' (FORMAT parquet, COMPRESSION snappy)");
                    continue;
                }
                s.execute("CREATE TEMP TABLE rows AS " + read);
                long count;
                try (ResultSet rs = s.executeQuery("SELECT count(*) FROM rows")) {
                    rs.next();
                    count = rs.getLong(1);
                }
                long perFile = (count + factFiles - 1) / factFiles;
                for (int f = 0; f < factFiles; f++) {
                    s.execute("COPY (SELECT * FROM rows LIMIT " + perFile + " OFFSET " + f * perFile + ") TO '"
                            + dir.resolve(table.getName() + "-" + (f + 1) + ".parquet") + "' (FORMAT parquet, COMPRESSION snappy)");
                }
                s.execute("DROP TABLE rows");
            }
        } catch (SQLException e) {
            throw new IOException("writing TPC-DS Parquet with DuckDB failed: " + e.getMessage(), e);
        }
        deleteRecursively(text);
    }

    private static List<Table> tables() {
        return Table.getBaseTables().stream().filter(t -> t != Table.DBGEN_VERSION).toList();
    }

    /** Rows as '|'-separated text, NULL as an empty field. */
    private static void writeText(Table table, double scale, Path file) {
        Session session = Session.getDefaultSession().withScale(scale).withTable(table);
        try (BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            StringBuilder line = new StringBuilder(512);
            for (List<List<String>> rows : Results.constructResults(table, session)) {
                for (List<String> row : rows) {
                    line.setLength(0);
                    for (int i = 0; i < row.size(); i++) {
                        if (i > 0) {
                            line.append('|');
                        }
                        if (row.get(i) != null) {
                            line.append(row.get(i));
                        }
                    }
                    writer.append(line).append('\n');
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String duckDbColumns(Table table) {
        return table.getColumns().length == 0 ? "" : Stream.of(table.getColumns())
                .map(column -> "'" + column.getName() + "': '" + sqlType(column) + "'")
                .collect(Collectors.joining(", "));
    }

    private static String sqlType(Column column) {
        ColumnType type = column.getType();
        return switch (type.getBase()) {
            case IDENTIFIER -> "BIGINT";
            case INTEGER -> "INTEGER";
            case DATE -> "DATE";
            case DECIMAL -> "DECIMAL(" + type.getPrecision().orElseThrow() + "," + type.getScale().orElseThrow() + ")";
            case CHAR, VARCHAR -> "VARCHAR";
            case TIME -> "TIME";
        };
    }

    private static String format(double scale) {
        return scale == Math.rint(scale) ? String.valueOf((long) scale) : String.valueOf(scale).toLowerCase(Locale.ROOT);
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
