package dev.shoal.jdbc;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code jdbc:shoal://host[:port][/schema][?user=...&password=...&source=...][;avatica-option=value...]}, as
 * Trino's driver spells it: the schema to start in, the user, the client's name (system.runtime.queries'
 * source), and Avatica's own options after ';'.
 * A query parameter Shoal does not know is refused by name, rather than silently ignored.
 */
record ShoalUrl(String avaticaUrl, Optional<String> schema, Map<String, String> parameters) {
    static final Set<String> PARAMETERS = Set.of("user", "password", "source", "SSL", "SSLTrustStorePath", "SSLTrustStorePassword");
    /** Trino's, refused until Shoal has them. */
    private static final Set<String> NOT_YET = Set.of("SSLKeyStorePath", "SSLKeyStorePassword", "accessToken", "roles",
            "sessionProperties", "clientTags");

    static ShoalUrl parse(String url) throws SQLException {
        String rest = url.substring((ShoalDriver.PREFIX + "//").length());
        int semicolon = rest.indexOf(';');
        String options = semicolon < 0 ? "" : rest.substring(semicolon);
        String address = semicolon < 0 ? rest : rest.substring(0, semicolon);
        Map<String, String> parameters = new LinkedHashMap<>();
        int question = address.indexOf('?');
        if (question >= 0) {
            for (String pair : address.substring(question + 1).split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int equals = pair.indexOf('=');
                String name = decode(equals < 0 ? pair : pair.substring(0, equals));
                if (NOT_YET.contains(name)) {
                    throw new SQLException("URL parameter " + name + " is not supported yet (" + String.join(", ", PARAMETERS)
                            + " are)", "0A000");
                }
                if (!PARAMETERS.contains(name)) {
                    throw new SQLException("unknown URL parameter " + name + " (known: " + String.join(", ", PARAMETERS.stream()
                            .sorted().toList()) + ")", "08001");
                }
                parameters.put(name, equals < 0 ? "" : decode(pair.substring(equals + 1)));
            }
            address = address.substring(0, question);
        }
        Optional<String> schema = Optional.empty();
        int slash = address.indexOf('/');
        if (slash >= 0) {
            String path = address.substring(slash + 1);
            address = address.substring(0, slash);
            if (path.endsWith("/")) {
                path = path.substring(0, path.length() - 1);
            }
            if (path.contains("/")) {
                throw new SQLException("a Shoal URL names one schema: jdbc:shoal://host:port/schema, got " + url, "08001");
            }
            schema = path.isEmpty() ? Optional.empty() : Optional.of(decode(path));
        }
        boolean tls = "true".equalsIgnoreCase(parameters.getOrDefault("SSL", "false"));
        return new ShoalUrl(ShoalDriver.toAvaticaUrl(ShoalDriver.PREFIX + "//" + address + options, tls), schema, parameters);
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
}
