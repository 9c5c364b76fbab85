package dev.shoal.planner.functions;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.stream.IntStream;

/**
 * One signature of a built-in function, as SHOW FUNCTIONS and JDBC's getFunctions list it: Trino's
 * spelling of the types, whether it is a scalar, aggregate or window function, and an example that
 * runs. The example is a call whose {@code ?}s take {@link #exampleArguments} (scalars), or a whole
 * query (aggregates, windows); {@link #exampleResult} is what it returns, as JDBC's getString reads it.
 */
public record FunctionInfo(String name, String returnType, String argumentTypes, Kind kind, Category category,
                           boolean deterministic, String description, String example, List<String> exampleArguments,
                           String exampleResult) {
    /** Trino's "Function Type" column. */
    public enum Kind {
        SCALAR, AGGREGATE, WINDOW;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The JDBC lists a scalar function belongs to (getStringFunctions, ...); OTHER for the rest. */
    public enum Category { STRING, NUMERIC, TIMEDATE, SYSTEM, OTHER }

    public FunctionInfo {
        Objects.requireNonNull(name);
        Objects.requireNonNull(returnType);
        Objects.requireNonNull(argumentTypes);
        Objects.requireNonNull(description);
        Objects.requireNonNull(example);
        exampleArguments = List.copyOf(exampleArguments);
    }

    /** The example with its arguments written in as literals: {@code lpad('7', 3, '0')}. */
    public String exampleCall() {
        return withArguments(exampleArguments);
    }

    /** The example with its {@code ?}s replaced by {@code arguments}, in order. */
    private String withArguments(List<String> arguments) {
        String call = example;
        for (String argument : arguments) {
            call = call.replaceFirst("\\?", Matcher.quoteReplacement(argument));
        }
        return call;
    }

    /**
     * A scalar example with its arguments as the columns of two equal rows, which Calcite does not
     * fold into a constant: the executor computes it. (Without arguments, the example query.)
     */
    public String exampleOverColumns() {
        if (kind != Kind.SCALAR || exampleArguments.isEmpty()) {
            return exampleQuery();
        }
        List<String> columns = IntStream.rangeClosed(1, exampleArguments.size()).mapToObj(i -> "c" + i).toList();
        String row = "(" + String.join(", ", exampleArguments) + ")";
        return "SELECT " + withArguments(columns) + " FROM (VALUES " + row + ", " + row + ") t(" + String.join(", ", columns) + ")";
    }

    /** The example as a statement: the call selected, or the example query itself. */
    public String exampleQuery() {
        return kind == Kind.SCALAR ? "SELECT " + exampleCall() : example;
    }
}
