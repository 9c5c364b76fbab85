package dev.shoal.tests;

import dev.shoal.catalog.StoredCatalog;
import dev.shoal.coordinator.CoordinatorConfig;
import dev.shoal.coordinator.auth.SecurityConfig;
import dev.shoal.coordinator.auth.TlsConfig;
import dev.shoal.launcher.local.EmbeddedCluster;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The JDBC port over TLS: a keystore made with the JDK's keytool, a client that trusts its
 * certificate through a truststore (Trino's SSL URL parameters) runs a query and reads its
 * progress over https; a client over plain http does not get through.
 */
class TlsTest {
    private static final String PASSWORD = "tls-test-pass";

    private static void keytool(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertTrue(process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0, output);
    }

    @Test
    void aClientTrustingTheCertificateQueriesOverHttps() throws Exception {
        TestCluster cluster = TestCluster.get();
        Path dir = Files.createTempDirectory("shoal-tls");
        Path keystore = dir.resolve("coordinator.p12");
        Path certificate = dir.resolve("coordinator.crt");
        Path truststore = dir.resolve("trust.p12");
        keytool("-genkeypair", "-alias", "shoal", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2", "-dname", "CN=127.0.0.1",
                "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-storetype", "PKCS12", "-keystore", keystore.toString(),
                "-storepass", PASSWORD, "-keypass", PASSWORD);
        keytool("-exportcert", "-alias", "shoal", "-keystore", keystore.toString(), "-storepass", PASSWORD, "-rfc",
                "-file", certificate.toString());
        keytool("-importcert", "-noprompt", "-alias", "shoal", "-file", certificate.toString(), "-storetype", "PKCS12",
                "-keystore", truststore.toString(), "-storepass", PASSWORD);

        try (StoredCatalog catalog = cluster.tpchCatalogAt(dir.resolve("catalog.db"))) {
            try (EmbeddedCluster coordinator = EmbeddedCluster.start(CoordinatorConfig.defaults("127.0.0.1", 0, 0, "tpch")
                    .withSecurity(new SecurityConfig(Optional.empty(), Set.of(), Optional.of(new TlsConfig(keystore, PASSWORD)))),
                    catalog, cluster.stores, 1)) {
                String url = coordinator.jdbcUrl() + "/tpch?SSL=true&SSLTrustStorePath=" + truststore + "&SSLTrustStorePassword=" + PASSWORD;
                try (Connection connection = cluster.driver.connect(url, new Properties()); Statement s = connection.createStatement();
                     ResultSet rs = s.executeQuery("select count(*) from nation")) {
                    assertTrue(rs.next());
                    assertEquals(25, rs.getLong(1));
                    assertEquals("tpch", connection.getSchema(), "the https endpoint answers too");
                }
                SQLException plain = assertThrows(SQLException.class, () -> {
                    try (Connection connection = cluster.driver.connect(coordinator.jdbcUrl(), new Properties());
                         Statement s = connection.createStatement()) {
                        s.executeQuery("select 1").close();
                    }
                });
                assertEquals("08001", plain.getSQLState());
                assertTrue(plain.getMessage().contains("add SSL=true"), plain.getMessage());
            }
        }
    }
}
