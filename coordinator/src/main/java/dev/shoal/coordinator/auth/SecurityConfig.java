package dev.shoal.coordinator.auth;

import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

/**
 * Who may connect (a password file of bcrypt hashes, or anyone when there is none), who is an
 * admin, and whether the JDBC port speaks TLS.
 */
public record SecurityConfig(Optional<Path> passwordFile, Set<String> admins, Optional<TlsConfig> tls) {
    public static final SecurityConfig OPEN = new SecurityConfig(Optional.empty(), Set.of(), Optional.empty());

    public SecurityConfig(Optional<Path> passwordFile, Set<String> admins) {
        this(passwordFile, admins, Optional.empty());
    }

    public SecurityConfig {
        admins = Set.copyOf(admins);
    }

    public Authenticator authenticator() {
        return new Authenticator(passwordFile.map(PasswordFile::load), admins);
    }
}
