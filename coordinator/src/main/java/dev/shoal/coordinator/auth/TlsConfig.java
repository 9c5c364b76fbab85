package dev.shoal.coordinator.auth;

import java.nio.file.Path;

/** The JDBC port's TLS: a keystore (PKCS12 or JKS) holding the coordinator's key and certificate, and its password. */
public record TlsConfig(Path keystore, String keystorePassword) {
    /** The password is never printed. */
    @Override
    public String toString() {
        return "TlsConfig[keystore=" + keystore + ", keystorePassword=***]";
    }
}
