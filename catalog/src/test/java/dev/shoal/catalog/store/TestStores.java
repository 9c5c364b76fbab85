package dev.shoal.catalog.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The stores every catalog test runs against: an SQLite file and a database on a real PostgreSQL
 * server (started once per test JVM, stopped when it exits), each fresh and empty.
 */
final class TestStores {
    private static EmbeddedPostgres postgres;
    private static Path folder;
    private static int databases;

    private TestStores() {
    }

    /** A fresh, empty store of each kind; a second call of the same supplier opens the same database again. */
    static Stream<Supplier<Supplier<JdbcCatalogStore>>> each() {
        return Stream.of(
                () -> {
                    Path file = sqliteFolder().resolve("catalog-" + next() + ".db");
                    return () -> JdbcCatalogStore.sqlite(file);
                },
                () -> {
                    String url = postgresDatabase();
                    return () -> JdbcCatalogStore.open(url, Optional.of("postgres"), Optional.empty());
                });
    }

    private static synchronized int next() {
        return ++databases;
    }

    private static synchronized Path sqliteFolder() {
        try {
            if (folder == null) {
                folder = Files.createTempDirectory("shoal-catalog-test");
            }
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static synchronized String postgresDatabase() {
        try {
            if (postgres == null) {
                postgres = EmbeddedPostgres.start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        postgres.close();
                    } catch (IOException e) {
                        // The JVM is exiting; the server's folder is temporary.
                    }
                }));
            }
            String name = "catalog_" + next();
            try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE " + name);
            }
            return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + name;
        } catch (Exception e) {
            throw new AssertionError("embedded PostgreSQL did not start", e);
        }
    }
}
