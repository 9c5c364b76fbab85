package dev.shoal.jdbc;

import org.apache.calcite.avatica.AvaticaClientRuntimeException;
import org.apache.calcite.avatica.DriverVersion;
import org.apache.calcite.avatica.remote.Driver;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;

/**
 * The Shoal JDBC driver: {@code jdbc:shoal://host:port[/schema][?user=...][;key=value...]} (see
 * {@link ShoalUrl}). It is Avatica's remote driver speaking protobuf over HTTP to the coordinator.
 */
public final class ShoalDriver extends Driver {
    public static final String PREFIX = "jdbc:shoal:";
    /** Avatica's HTTP response timeout, in milliseconds; 0 waits as long as the query runs (Statement.setQueryTimeout bounds it). */
    static final String RESPONSE_TIMEOUT = "http_response_timeout";

    /** The connection property by which the driver asks the coordinator for columnar frames, and its value. */
    static final String FRAMES_PROPERTY = "shoal_frames";
    static final String COLUMNAR_FRAMES = "columnar-1";
    /** The connection property by which the driver says it waits for a write that outlasts execute's answer. */
    static final String PENDING_UPDATES_PROPERTY = "shoal_pending_updates";

    static {
        new ShoalDriver().register();
    }

    @Override
    protected String getFactoryClassName(JdbcVersion jdbcVersion) {
        return ShoalJdbcFactory.class.getName();
    }

    @Override
    protected String getConnectStringPrefix() {
        return PREFIX;
    }

    @Override
    protected DriverVersion createDriverVersion() {
        return new DriverVersion("Shoal JDBC Driver", "0.1.0", "Shoal", "0.1.0", true, 0, 1, 0, 1);
    }

    @Override
    public boolean acceptsURL(String url) {
        // Also accepts the translated form, which Avatica checks again inside connect().
        return url != null && url.startsWith(PREFIX);
    }

    @Override
    public Connection connect(String url, Properties info) throws SQLException {
        if (!acceptsURL(url)) {
            return null;
        }
        ShoalUrl parsed = url.startsWith(PREFIX + "//") ? ShoalUrl.parse(url) : null;
        Properties properties = new Properties();
        if (parsed != null) {
            properties.putAll(parsed.parameters());
            // Trino's names for TLS, as Avatica's client reads them.
            String truststore = parsed.parameters().get("SSLTrustStorePath");
            if (truststore != null) {
                properties.setProperty("truststore", truststore);
            }
            String truststorePassword = parsed.parameters().get("SSLTrustStorePassword");
            if (truststorePassword != null) {
                properties.setProperty("truststore_password", truststorePassword);
            }
            properties.remove("SSLTrustStorePassword");
        }
        if (info != null) {
            properties.putAll(info);
        }
        // Results come as columnar frames, which this driver opens (ColumnarRows): one value per frame on the wire, not one per cell.
        properties.setProperty(FRAMES_PROPERTY, COLUMNAR_FRAMES);
        // A write's execute answers after a bounded wait; the driver then asks for its count until it ends (PendingUpdates).
        properties.setProperty(PENDING_UPDATES_PROPERTY, "true");
        if (!properties.containsKey(RESPONSE_TIMEOUT) && !url.contains(RESPONSE_TIMEOUT + "=")) {
            // Avatica's client gives up on a call after 180 s, while the query runs on: a query's first rows may take longer.
            properties.setProperty(RESPONSE_TIMEOUT, "0");
        }
        try {
            Connection connection = super.connect(parsed != null ? parsed.avaticaUrl() : url, properties);
            if (parsed != null && parsed.schema().isPresent()) {
                connection.setSchema(parsed.schema().get());
            }
            return connection;
        } catch (AvaticaClientRuntimeException e) {
            // The coordinator refused the connection (a wrong password: 28000).
            throw ClientErrors.clean(e);
        } catch (RuntimeException e) {
            // Avatica reports an unreachable server as a RuntimeException; JDBC callers expect SQLException.
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            String why = String.valueOf(cause.getMessage());
            if (why.contains("HTTP/400")) {
                why = "the coordinator speaks TLS here: add SSL=true (and SSLTrustStorePath for its certificate) to the URL";
            }
            throw new SQLException("cannot connect to Shoal at " + redacted(url) + ": " + why, "08001");
        }
    }

    /** The URL without the value of a password in it, for messages. */
    static String redacted(String url) {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }

    /** {@code jdbc:shoal://h:p/;a=b} becomes {@code jdbc:shoal:url=http://h:p;serialization=protobuf;a=b}. */
    static String toAvaticaUrl(String url) {
        return toAvaticaUrl(url, false);
    }

    /** With {@code tls}, the coordinator is reached over https. */
    static String toAvaticaUrl(String url, boolean tls) {
        String rest = url.substring((PREFIX + "//").length());
        int semicolon = rest.indexOf(';');
        String hostPort = semicolon < 0 ? rest : rest.substring(0, semicolon);
        String options = semicolon < 0 ? "" : rest.substring(semicolon + 1);
        if (hostPort.endsWith("/")) {
            hostPort = hostPort.substring(0, hostPort.length() - 1);
        }
        if (hostPort.isEmpty()) {
            throw new IllegalArgumentException("a Shoal URL needs a host: jdbc:shoal://host:port");
        }
        if (!hostPort.contains(":")) {
            hostPort = hostPort + ":8765";
        }
        return PREFIX + "url=" + (tls ? "https" : "http") + "://" + hostPort + ";serialization=protobuf" + (options.isEmpty() ? "" : ";" + options);
    }
}
