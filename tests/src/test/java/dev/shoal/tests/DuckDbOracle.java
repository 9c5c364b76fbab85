package dev.shoal.tests;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/** DuckDB over the same Parquet files, read from local disk (DuckDB has no S3 here). */
final class DuckDbOracle {
    private static final String[] TABLES = {"lineitem", "orders", "customer", "part", "partsupp", "supplier", "nation", "region"};

    private DuckDbOracle() {
    }

    static Connection open(TestCluster cluster) throws Exception {
        Connection duck = DriverManager.getConnection("jdbc:duckdb:");
        Path extensions = Files.createTempDirectory("duckdb-ext");
        try (Statement s = duck.createStatement()) {
            // Never reach for the network, and never use a developer's cached extensions.
            s.execute("SET autoinstall_known_extensions=false");
            s.execute("SET extension_directory='" + extensions + "'");
            s.execute("SET threads=2");
            s.execute("CREATE SCHEMA tpch");
            for (String table : TABLES) {
                String files = cluster.tableDir(table).resolve("*.parquet").toString();
                s.execute("CREATE VIEW tpch." + table + " AS SELECT * FROM read_parquet('" + files + "')");
            }
            s.execute("SET schema='tpch'");
        } catch (SQLException e) {
            duck.close();
            throw e;
        }
        return duck;
    }
}
