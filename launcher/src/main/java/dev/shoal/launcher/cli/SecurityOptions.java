package dev.shoal.launcher.cli;

import dev.shoal.coordinator.CoordinatorConfig;
import dev.shoal.coordinator.auth.SecurityConfig;
import dev.shoal.coordinator.auth.TlsConfig;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Who may connect to the coordinator and who is an admin, shared by {@code shoal coordinator} and {@code shoal local}. */
public final class SecurityOptions {
    @Option(names = "--password-file", paramLabel = "FILE",
            description = "users and bcrypt password hashes, user:hash per line (htpasswd -nbB user password); without it anyone may connect")
    Path passwordFile;

    @Option(names = "--admin-user", paramLabel = "USER",
            description = "a user who sees and kills every user's queries (repeatable)")
    List<String> admins = new ArrayList<>();

    @Option(names = "--tls-keystore", paramLabel = "FILE",
            description = "serve JDBC over https with this keystore (PKCS12 or JKS; its password from SHOAL_TLS_KEYSTORE_PASSWORD)")
    Path tlsKeystore;

    public CoordinatorConfig apply(CoordinatorConfig config) {
        Optional<TlsConfig> tls = Optional.ofNullable(tlsKeystore)
                .map(keystore -> new TlsConfig(keystore, System.getenv().getOrDefault("SHOAL_TLS_KEYSTORE_PASSWORD", "")));
        return config.withSecurity(new SecurityConfig(Optional.ofNullable(passwordFile), Set.copyOf(admins), tls));
    }
}
