package dev.shoal.core;

/** The engine's version, as version() and the JDBC driver report it. */
public final class ShoalVersion {
    public static final String VERSION = "0.1.0";

    private ShoalVersion() {
    }
}
