package dev.shoal.tests;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code shoal sql} for scripts: the shell in a JVM of its own with only its class path (JLine,
 * picocli, Jackson's core, the shaded driver), results on standard output in the format asked for,
 * after each statement a summary with the query id, state, rows and bytes scanned, and the exit
 * status of the first failure.
 */
class ShellTest {
    private static String server;

    @BeforeAll
    static void start() throws Exception {
        String url = TestCluster.get().coordinator.jdbcUrl();
        server = url.substring("jdbc:shoal://".length());
    }

    private record Run(int status, String out, String err) {
    }

    private static Run shell(String... args) throws Exception {
        String classpath = System.getProperty("shoal.shellClasses", "../shell/target/classes") + File.pathSeparator
                + Files.readString(Path.of(System.getProperty("shoal.shellClasspathFile", "../shell/target/classpath.txt"))).trim();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx128m",
                "-XX:+UseSerialGC", "-cp", classpath, "dev.shoal.shell.ShellMain", "--server", server, "--schema", "tpch"));
        command.addAll(List.of(args));
        Path out = Files.createTempFile("shell", ".out");
        Path err = Files.createTempFile("shell", ".err");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the shell did not end");
        return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void aScriptPrintsCsvAndASummaryPerStatement() throws Exception {
        Run run = shell("--execute", "select n_nationkey, n_name from nation where n_nationkey < 2 order by 1; "
                + "select 'a,b' as q, cast(null as varchar) as n");
        assertEquals(0, run.status(), run.err());
        assertEquals(String.join("\n", "n_nationkey,n_name", "0,ALGERIA", "1,ARGENTINA", "q,n", "\"a,b\",", ""), run.out());
        List<String> summaries = run.err().lines().filter(l -> l.startsWith("Query ")).toList();
        assertEquals(2, summaries.size(), run.err());
        assertTrue(summaries.get(0).matches("Query \\d{8}_\\d{6}_\\d{5}_[a-z2-9]{5}, FINISHED, \\d+ splits"), summaries.get(0));
        // The rows read from storage, as Trino's shell counts them: all 25 of nation's (one row group, not pruned), and none for a constant.
        assertTrue(run.err().matches("(?s).*s \\[25 rows, [0-9.]+ k?B scanned\\] \\[[0-9.]+K? rows/s.*"), run.err());
        assertTrue(run.err().matches("(?s).*s \\[0 rows, 0 B scanned\\].*"), run.err());
    }

    @Test
    void theFirstFailureStopsTheScriptWithStatusOne() throws Exception {
        Run run = shell("--output-format", "TSV", "--execute", "select 1 as x; select * from no_such_table; select 2");
        assertEquals(1, run.status());
        assertEquals("x\n1\n", run.out());
        assertTrue(run.err().contains("Query failed: UNKNOWN_TABLE: "), run.err());
        assertTrue(run.err().contains(", FAILED"), run.err());
    }

    @Test
    void jsonIsOneObjectPerRow() throws Exception {
        Run run = shell("--output-format", "json", "--execute", "select n_name, n_regionkey from nation where n_nationkey = 1");
        assertEquals(0, run.status(), run.err());
        assertEquals("{\"n_name\":\"ARGENTINA\",\"n_regionkey\":1}\n", run.out());
    }
}
