package dev.shoal.shell;

import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * {@code shoal sql}: Shoal's SQL shell, as Trino's CLI works. Interactive, with history and
 * aligned tables, a progress line while a query runs and Ctrl-C canceling it; or for scripts
 * ({@code --execute}, {@code --file}), stopping at the first failure with exit status 1. It runs
 * with only JLine, picocli, Jackson's core and the shaded driver on its class path, connecting as
 * any JDBC client does.
 */
@Command(name = "shoal sql", mixinStandardHelpOptions = true, description = "Shoal's SQL shell.")
public final class ShellMain implements Callable<Integer> {
    private static final Set<String> QUIT = Set.of("quit", "exit", "quit;", "exit;");

    @Option(names = "--server", description = "coordinator's JDBC address (default: ${DEFAULT-VALUE})")
    String server = "127.0.0.1:8765";

    @Option(names = "--user", description = "user name (default: the system user)")
    String user = System.getProperty("user.name");

    @Option(names = "--schema", description = "schema of unqualified names")
    String schema;

    @Option(names = "--source", description = "what system.runtime.queries shows as the client (default: ${DEFAULT-VALUE})")
    String source = "shoal-sql";

    @Option(names = {"--execute", "-e"}, description = "run these statements (separated by ;) and exit")
    String execute;

    @Option(names = {"--file", "-f"}, description = "run the statements in this file and exit")
    Path file;

    @Option(names = "--output-format", description = "ALIGNED, CSV, TSV or JSON (default: ALIGNED interactive, CSV otherwise)")
    OutputFormat outputFormat;

    @Option(names = "--progress", description = "show progress on standard error for --execute and --file too")
    boolean progress;

    public static void main(String[] args) {
        System.exit(new CommandLine(new ShellMain()).setCaseInsensitiveEnumValuesAllowed(true).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        String url = "jdbc:shoal://" + server + (schema == null ? "" : "/" + schema) + "?user=" + encode(user) + "&source=" + encode(source);
        try (Connection connection = DriverManager.getConnection(url)) {
            if (execute != null || file != null) {
                String script = execute != null ? execute : Files.readString(file);
                StatementExecutor executor = new StatementExecutor(connection, outputFormat == null ? OutputFormat.CSV : outputFormat,
                        System.out, System.err, progress);
                Runtime.getRuntime().addShutdownHook(new Thread(executor::cancelCurrent));
                return runScript(executor, script);
            }
            return interactive(connection);
        } catch (SQLException e) {
            System.err.println("cannot connect to " + server + ": " + e.getMessage());
            return 1;
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** Each statement in turn; the first failure ends the script with status 1. */
    static int runScript(StatementExecutor executor, String script) {
        StatementSplitter split = new StatementSplitter(script);
        List<String> statements = new ArrayList<>(split.statements());
        if (!split.remainder().isEmpty() && !split.remainder().lines().allMatch(l -> l.isBlank() || l.trim().startsWith("--"))) {
            statements.add(split.remainder());
        }
        for (String sql : statements) {
            if (!executor.execute(sql)) {
                return 1;
            }
        }
        return 0;
    }

    private int interactive(Connection connection) throws IOException {
        try (Terminal terminal = TerminalBuilder.builder().system(true).build()) {
            PrintStream out = new PrintStream(terminal.output(), true, StandardCharsets.UTF_8);
            StatementExecutor executor = new StatementExecutor(connection, outputFormat == null ? OutputFormat.ALIGNED : outputFormat,
                    out, out, true);
            terminal.handle(Terminal.Signal.INT, signal -> executor.cancelCurrent());
            Path history = Path.of(System.getProperty("user.home"), ".shoal", "history");
            Files.createDirectories(history.getParent());
            LineReader reader = LineReaderBuilder.builder().terminal(terminal).appName("shoal")
                    .variable(LineReader.HISTORY_FILE, history).build();
            out.println("Shoal SQL shell on " + server + ". End statements with ';'; 'quit' or Ctrl-D leaves, Ctrl-C cancels a query.");
            StringBuilder pending = new StringBuilder();
            while (true) {
                String line;
                try {
                    line = reader.readLine(pending.length() == 0 ? "shoal> " : "    -> ");
                } catch (UserInterruptException e) {
                    pending.setLength(0);
                    continue;
                } catch (EndOfFileException e) {
                    return 0;
                }
                if (pending.length() == 0 && QUIT.contains(line.trim().toLowerCase(Locale.ROOT))) {
                    return 0;
                }
                pending.append(line).append('\n');
                StatementSplitter split = new StatementSplitter(pending.toString());
                split.statements().forEach(executor::execute);
                pending.setLength(0);
                pending.append(split.remainder().isEmpty() ? "" : split.remainder() + "\n");
            }
        }
    }
}
