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
    void theUrlNamesTheSchemaAndTheUserAndRefusesWhatItDoesNotKnow() throws SQLException {
        ShoalUrl url = ShoalUrl.parse("jdbc:shoal://db:9000/sales?user=ann%20b&password=s3cret;http_response_timeout=5000");
        assertEquals("jdbc:shoal:url=http://db:9000;serialization=protobuf;http_response_timeout=5000", url.avaticaUrl());
        assertEquals(java.util.Optional.of("sales"), url.schema());
        assertEquals(java.util.Map.of("user", "ann b", "password", "s3cret"), url.parameters());
        assertEquals(java.util.Optional.empty(), ShoalUrl.parse("jdbc:shoal://db/").schema());
        SQLException unknown = assertThrows(SQLException.class, () -> ShoalUrl.parse("jdbc:shoal://db/s?colour=red"));
        assertEquals("unknown URL parameter colour (known: SSL, SSLTrustStorePassword, SSLTrustStorePath, password, source, user)",
                unknown.getMessage());
        SQLException certificates = assertThrows(SQLException.class, () -> ShoalUrl.parse("jdbc:shoal://db?SSLKeyStorePath=/k"));
        assertEquals("0A000", certificates.getSQLState());
        assertEquals("jdbc:shoal:url=https://db:8765;serialization=protobuf",
                ShoalUrl.parse("jdbc:shoal://db/s?SSL=true&SSLTrustStorePath=/t.p12").avaticaUrl());
        assertThrows(SQLException.class, () -> ShoalUrl.parse("jdbc:shoal://db/a/b"));
        assertEquals("jdbc:shoal://db/s?user=u&password=***;x=1", ShoalDriver.redacted("jdbc:shoal://db/s?user=u&password=hunter2;x=1"));
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
