package dev.shoal.jdbc;

import org.junit.jupiter.api.Test;

import java.sql.DriverManager;
import java.sql.SQLException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ShoalDriverTest {
    @Test
    void shoalUrlsMapToAvaticaProtobufOverHttp() {
        assertEquals("jdbc:shoal:url=http://localhost:8765;serialization=protobuf",
                ShoalDriver.toAvaticaUrl("jdbc:shoal://localhost:8765"));
        assertEquals("jdbc:shoal:url=http://db:8765;serialization=protobuf",
                ShoalDriver.toAvaticaUrl("jdbc:shoal://db/"));
        assertEquals("jdbc:shoal:url=http://h:1;serialization=protobuf;user=ann",
                ShoalDriver.toAvaticaUrl("jdbc:shoal://h:1/;user=ann"));
    }

    @Test
    void driverManagerFindsTheDriverForShoalUrlsOnly() throws SQLException {
        assertInstanceOf(ShoalDriver.class, DriverManager.getDriver("jdbc:shoal://localhost:8765"));
        assertTrue(new ShoalDriver().acceptsURL("jdbc:shoal://x:1"));
        assertFalse(new ShoalDriver().acceptsURL("jdbc:avatica:remote:url=http://x:1"));
    }

    @Test
    void unreachableServerFailsWithSqlException() {
        // Port 1 on loopback: nothing listens, the connection is refused at once.
        SQLException e = assertThrows(SQLException.class,
                () -> DriverManager.getConnection("jdbc:shoal://127.0.0.1:1").createStatement().executeQuery("SELECT 1"));
        assertFalse(e.getMessage().contains("No suitable driver"), e.getMessage());
    }
}
