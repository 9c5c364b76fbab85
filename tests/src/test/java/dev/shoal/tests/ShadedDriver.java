package dev.shoal.tests;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.util.Properties;

/**
 * The shaded driver jar, loaded in a class loader of its own over only the platform classes:
 * the way a BI tool loads it, with none of the engine's classes visible.
 */
final class ShadedDriver {
    private final Driver driver;

    private ShadedDriver(Driver driver) {
        this.driver = driver;
    }

    static ShadedDriver load() throws Exception {
        String jar = System.getProperty("shoal.driverJar");
        if (jar == null || !Files.isRegularFile(Path.of(jar))) {
            throw new IllegalStateException("shaded driver jar not found at " + jar + ": build jdbc-driver first");
        }
        URLClassLoader loader = new URLClassLoader(new URL[] {Path.of(jar).toUri().toURL()},
                ClassLoader.getPlatformClassLoader());
        Driver driver = (Driver) Class.forName("dev.shoal.jdbc.ShoalDriver", true, loader).getDeclaredConstructor().newInstance();
        if (driver.getClass().getClassLoader() != loader) {
            throw new IllegalStateException("driver did not come from the shaded jar");
        }
        return new ShadedDriver(driver);
    }

    Connection connect(String url, Properties properties) throws SQLException {
        return driver.connect(url, properties);
    }
}
