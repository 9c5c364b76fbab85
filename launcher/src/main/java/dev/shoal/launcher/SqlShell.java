package dev.shoal.launcher;

import java.nio.file.Path;
import java.util.List;

/**
 * The SQL prompt: sqlline in a child JVM whose class path holds only sqlline, jline and the shaded
 * driver jar, exactly as a user's own tools would connect. (The driver jar cannot share this JVM:
 * its Avatica classes are bound to relocated protobuf, the server's are not.)
 */
final class SqlShell {
    /** Set by the launcher script: sqlline and jline jars plus the shaded driver. */
    static final String CLASSPATH_PROPERTY = "shoal.shell.classpath";

    private SqlShell() {
    }

    static int run(String jdbcUrl) throws Exception {
        String classpath = System.getProperty(CLASSPATH_PROPERTY);
        if (classpath == null || classpath.isBlank()) {
            System.err.println("No shell class path (" + CLASSPATH_PROPERTY + "); connect any JDBC tool to " + jdbcUrl);
            Thread.currentThread().join();
            return 0;
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process shell = new ProcessBuilder(List.of(java, "-Xmx256m", "-cp", classpath, "sqlline.SqlLine",
                "-u", jdbcUrl, "-n", "shoal", "-p", "", "-d", "dev.shoal.jdbc.ShoalDriver",
                "--isolation=TRANSACTION_NONE", "--showWarnings=false", "--maxWidth=200"))
                .inheritIO()
                .start();
        return shell.waitFor();
    }
}
