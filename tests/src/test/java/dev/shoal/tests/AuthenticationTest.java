package dev.shoal.tests;

import at.favre.lib.crypto.bcrypt.BCrypt;
import dev.shoal.catalog.StoredCatalog;
import dev.shoal.coordinator.CoordinatorConfig;
import dev.shoal.coordinator.auth.SecurityConfig;
import dev.shoal.launcher.local.EmbeddedCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLInvalidAuthorizationSpecException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A coordinator with a password file of bcrypt hashes: a wrong password fails at once with 28000
 * and repeated ones are slowed; with the right one a user sees only their own queries in
 * system.runtime.queries, and an admin sees everyone's.
 */
class AuthenticationTest {
    private static TestCluster cluster;
    private static StoredCatalog catalog;
    private static EmbeddedCluster coordinator;

    @BeforeAll
    static void start() throws Exception {
        cluster = TestCluster.get();
        Path dir = Files.createTempDirectory("shoal-auth");
        Path passwords = dir.resolve("password.db");
        Files.writeString(passwords, "# users of the test\n"
                + "ann:" + BCrypt.withDefaults().hashToString(6, "ann-secret-1".toCharArray()) + "\n"
                + "bob:" + BCrypt.withDefaults().hashToString(6, "bob-secret-2".toCharArray()) + "\n");
        catalog = cluster.tpchCatalogAt(dir.resolve("catalog.db"));
        coordinator = EmbeddedCluster.start(CoordinatorConfig.defaults("127.0.0.1", 0, 0, "tpch")
                .withSecurity(new SecurityConfig(Optional.of(passwords), Set.of("ann"))), catalog, cluster.stores, 1);
    }

    @AfterAll
    static void stop() {
        coordinator.close();
        catalog.close();
    }

    private static Connection connect(String user, String password) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        return cluster.driver.connect(coordinator.jdbcUrl(), properties);
    }

    private static List<String> users(Connection connection) throws SQLException {
        List<String> users = new ArrayList<>();
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(
                "select distinct \"user\" from system.runtime.queries order by 1")) {
            while (rs.next()) {
                users.add(rs.getString(1));
            }
        }
        return users;
    }

    @Test
    void aWrongPasswordFailsAtOnceAndRepeatedFailuresAreSlowed() {
        long start = System.nanoTime();
        SQLException wrong = assertThrows(SQLException.class, () -> connect("bob", "guess-1"));
        long firstMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertInstanceOf(SQLInvalidAuthorizationSpecException.class, wrong, wrong.getMessage());
        assertEquals("28000", wrong.getSQLState());
        assertTrue(wrong.getMessage().contains("authentication failed for user 'bob'"), wrong.getMessage());
        assertFalse(wrong.getMessage().contains("guess-1"), wrong.getMessage());
        assertTrue(firstMillis < 1000, firstMillis + " ms");

        assertThrows(SQLException.class, () -> connect("bob", "guess-2"));
        long third = System.nanoTime();
        assertThrows(SQLException.class, () -> connect("bob", "guess-3"));
        assertTrue(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - third) >= 400, "the third failure waits");
        SQLException unknown = assertThrows(SQLException.class, () -> connect("nobody", "x"));
        assertEquals("28000", unknown.getSQLState());
    }

    @Test
    void aUserSeesOwnQueriesAndAnAdminEveryones() throws Exception {
        try (Connection bob = connect("bob", "bob-secret-2"); Connection ann = connect("ann", "ann-secret-1")) {
            try (Statement s = bob.createStatement(); ResultSet rs = s.executeQuery("select count(*) from nation")) {
                assertTrue(rs.next());
                assertEquals(25, rs.getLong(1));
            }
            try (Statement s = ann.createStatement()) {
                s.executeQuery("select 1").close();
            }
            assertEquals(List.of("bob"), users(bob));
            assertEquals(List.of("ann", "bob"), users(ann));
        }
    }
}
