package dev.shoal.launcher;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The SQL prompt: the shell module's {@code ShellMain} in a child JVM whose class path holds only
 * the shell, JLine, picocli, Jackson's core and the shaded driver jar, exactly as a user's own tools
 * would connect. (The driver jar cannot share this JVM: its Avatica classes are bound to relocated
 * protobuf, the server's are not.)
 */
final class SqlShell {
    /** Set by the launcher script: the shell's classes and its class path. */
    static final String CLASSPATH_PROPERTY = "shoal.shell.classpath";
    private static final String MAIN = "dev.shoal.shell.ShellMain";

    private SqlShell() {
    }

    /** Runs the shell with {@code args} (its own options: --server, --execute, ...) and returns its exit status. */
    static int run(List<String> args) throws Exception {
        String classpath = System.getProperty(CLASSPATH_PROPERTY);
        if (classpath == null || classpath.isBlank()) {
            System.err.println("No shell class path (" + CLASSPATH_PROPERTY + "); run the shell through ./shoal sql, or connect any JDBC tool");
            return 1;
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx256m", "-cp", classpath, MAIN));
        command.addAll(args);
        Process shell = new ProcessBuilder(command).inheritIO().start();
        return shell.waitFor();
    }
}
