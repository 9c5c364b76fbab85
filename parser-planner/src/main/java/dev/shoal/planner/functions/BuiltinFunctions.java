package dev.shoal.planner.functions;

import dev.shoal.planner.functions.FunctionInfo.Category;
import dev.shoal.planner.functions.FunctionInfo.Kind;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The functions Shoal runs, one entry per signature, in Trino's terms. This is what SHOW FUNCTIONS
 * and JDBC's getFunctions answer; a test runs every example, with its arguments as columns so that
 * the executor (not Calcite's constant folding) computes it, and checks the result. A function
 * added to the translator belongs here, with an example.
 */
public final class BuiltinFunctions {
    private static final List<FunctionInfo> ALL = sorted(build());

    private BuiltinFunctions() {
    }

    /** Every signature, by name then argument types. */
    public static List<FunctionInfo> all() {
        return ALL;
    }

    /** The distinct names of a category's scalar functions, comma-separated, as JDBC's getStringFunctions etc. answer. */
    public static String names(Category category) {
        Set<String> names = new LinkedHashSet<>();
        ALL.stream().filter(f -> f.kind() == Kind.SCALAR && f.category() == category).forEach(f -> names.add(f.name()));
        return String.join(",", names);
    }

    private static List<FunctionInfo> sorted(List<FunctionInfo> functions) {
        List<FunctionInfo> copy = new ArrayList<>(functions);
        copy.sort(Comparator.comparing(FunctionInfo::name).thenComparing(FunctionInfo::argumentTypes));
        return List.copyOf(copy);
    }

    private static List<FunctionInfo> build() {
        List<FunctionInfo> f = new ArrayList<>();
        strings(f);
        numbers(f);
        conditionals(f);
        datesAndTimes(f);
        system(f);
        aggregates(f);
        windows(f);
        return f;
    }

    private static void strings(List<FunctionInfo> f) {
        Category s = Category.STRING;
        f.add(scalar(s, "concat", "varchar", "varchar, varchar, ...", "Concatenates the strings; NULL if any is NULL",
                "concat(?, ?, ?)", "shoal", "'sh'", "'o'", "'al'"));
        f.add(scalar(s, "length", "bigint", "varchar", "Length of the string in characters", "length(?)", "5", "'shoal'"));
        f.add(scalar(s, "char_length", "bigint", "varchar", "Same as length", "char_length(?)", "5", "'shoal'"));
        f.add(scalar(s, "character_length", "bigint", "varchar", "Same as length", "character_length(?)", "5", "'shoal'"));
        f.add(scalar(s, "lower", "varchar", "varchar", "The string in lower case", "lower(?)", "shoal", "'ShOAL'"));
        f.add(scalar(s, "upper", "varchar", "varchar", "The string in upper case", "upper(?)", "SHOAL", "'ShOAL'"));
        f.add(scalar(s, "lpad", "varchar", "varchar, bigint, varchar",
                "Pads the string on the left to size characters with padstring; a longer string is cut to size",
                "lpad(?, ?, ?)", "007", "'7'", "3", "'0'"));
        f.add(scalar(s, "rpad", "varchar", "varchar, bigint, varchar",
                "Pads the string on the right to size characters with padstring; a longer string is cut to size",
                "rpad(?, ?, ?)", "700", "'7'", "3", "'0'"));
        f.add(scalar(s, "ltrim", "varchar", "varchar", "Removes leading spaces", "ltrim(?)", "a  ", "'  a  '"));
        f.add(scalar(s, "rtrim", "varchar", "varchar", "Removes trailing spaces", "rtrim(?)", "  a", "'  a  '"));
        f.add(scalar(s, "trim", "varchar", "varchar",
                "Removes leading and trailing spaces; trim([BOTH | LEADING | TRAILING] chars FROM string) removes chars",
                "trim(?)", "a", "'  a  '"));
        f.add(scalar(s, "replace", "varchar", "varchar, varchar", "Removes every occurrence of search",
                "replace(?, ?)", "bnn", "'banana'", "'a'"));
        f.add(scalar(s, "replace", "varchar", "varchar, varchar, varchar", "Replaces every occurrence of search with replacement",
                "replace(?, ?, ?)", "bonono", "'banana'", "'a'", "'o'"));
        f.add(scalar(s, "reverse", "varchar", "varchar", "The characters in reverse order", "reverse(?)", "cba", "'abc'"));
        f.add(scalar(s, "split_part", "varchar", "varchar, varchar, bigint",
                "The index-th field (from 1) of the string split at the delimiter; NULL past the last field",
                "split_part(?, ?, ?)", "b", "'a,b,c'", "','", "2"));
        f.add(scalar(s, "starts_with", "boolean", "varchar, varchar", "Whether the string starts with the prefix",
                "starts_with(?, ?)", "true", "'shoal'", "'sh'"));
        f.add(scalar(s, "ends_with", "boolean", "varchar, varchar", "Whether the string ends with the suffix",
                "ends_with(?, ?)", "true", "'shoal'", "'al'"));
        f.add(scalar(s, "strpos", "bigint", "varchar, varchar", "Position (from 1) of the first occurrence of substring; 0 if none",
                "strpos(?, ?)", "3", "'shoal'", "'oa'"));
        f.add(scalar(s, "position", "bigint", "varchar, varchar", "position(substring IN string): same as strpos(string, substring)",
                "position(? IN ?)", "3", "'oa'", "'shoal'"));
        f.add(scalar(s, "substr", "varchar", "varchar, bigint", "The rest of the string from start (from 1; negative counts from the end)",
                "substr(?, ?)", "hoal", "'shoal'", "2"));
        f.add(scalar(s, "substr", "varchar", "varchar, bigint, bigint", "length characters of the string from start",
                "substr(?, ?, ?)", "hoa", "'shoal'", "2", "3"));
        f.add(scalar(s, "substring", "varchar", "varchar, bigint", "Same as substr; also substring(string FROM start)",
                "substring(?, ?)", "al", "'shoal'", "-2"));
        f.add(scalar(s, "substring", "varchar", "varchar, bigint, bigint", "Same as substr; also substring(string FROM start FOR length)",
                "substring(? FROM ? FOR ?)", "hoa", "'shoal'", "2", "3"));
        f.add(scalar(s, "regexp_like", "boolean", "varchar, varchar", "Whether the pattern (Java regex) matches part of the string",
                "regexp_like(?, ?)", "true", "'shoal'", "'o.l'"));
        f.add(scalar(s, "regexp_extract", "varchar", "varchar, varchar", "The first match of the pattern; NULL if none",
                "regexp_extract(?, ?)", "22", "'ab22c3'", "'[0-9]+'"));
        f.add(scalar(s, "regexp_extract", "varchar", "varchar, varchar, bigint", "The given group of the first match of the pattern",
                "regexp_extract(?, ?, ?)", "22", "'ab22c3'", "'([a-z])([0-9]+)'", "2"));
        f.add(scalar(s, "regexp_replace", "varchar", "varchar, varchar", "Removes every match of the pattern",
                "regexp_replace(?, ?)", "abc", "'ab22c3'", "'[0-9]'"));
        f.add(scalar(s, "regexp_replace", "varchar", "varchar, varchar, varchar",
                "Replaces every match of the pattern with the replacement ($1 for a group)",
                "regexp_replace(?, ?, ?)", "ab#c#", "'ab22c3'", "'[0-9]+'", "'#'"));
    }

    private static void numbers(List<FunctionInfo> f) {
        Category n = Category.NUMERIC;
        f.add(scalar(n, "abs", "[same as input]", "numeric", "Absolute value", "abs(?)", "3.5", "-3.5"));
        f.add(scalar(n, "ceil", "[same as input]", "numeric", "Rounded up to an integer", "ceil(?)", "2", "1.2"));
        f.add(scalar(n, "ceiling", "[same as input]", "numeric", "Same as ceil", "ceiling(?)", "2", "1.2"));
        f.add(scalar(n, "floor", "[same as input]", "numeric", "Rounded down to an integer", "floor(?)", "-2", "-1.2"));
        f.add(scalar(n, "round", "[same as input; decimal(p - s + min(1, s), 0) for decimal(p, s)]", "numeric",
                "Rounded to an integer, half away from zero", "round(?)", "-3", "-2.5"));
        f.add(scalar(n, "round", "[same as input; decimal(p + 1, s) for decimal(p, s)]", "numeric, integer",
                "Rounded to d decimal places, half away from zero", "round(?, ?)", "10.000", "9.995", "2"));
        f.add(scalar(n, "truncate", "[same as input; decimal(max(1, p - s), 0) for decimal(p, s)]", "numeric",
                "Rounded toward zero to an integer", "truncate(?)", "-2", "-2.7"));
        f.add(scalar(n, "truncate", "[same as input]", "numeric, integer", "Rounded toward zero to d decimal places",
                "truncate(?, ?)", "2.560", "2.567", "2"));
        f.add(scalar(n, "mod", "[same as input]", "numeric, numeric", "Remainder of n divided by m, with the sign of n",
                "mod(?, ?)", "-1", "-7", "3"));
        f.add(scalar(n, "sign", "[same as input; decimal(1, 0) for a decimal]", "numeric", "-1, 0 or 1", "sign(?)", "-1", "-5.5"));
        f.add(scalar(n, "power", "double", "double, double", "x raised to the power of p", "power(?, ?)", "1024.0", "2", "10"));
        f.add(scalar(n, "pow", "double", "double, double", "Same as power", "pow(?, ?)", "1024.0", "2", "10"));
        f.add(scalar(n, "sqrt", "double", "double", "Square root", "sqrt(?)", "4.0", "16"));
        f.add(scalar(n, "cbrt", "double", "double", "Cube root", "cbrt(?)", "3.0", "27"));
        f.add(scalar(n, "exp", "double", "double", "Euler's number raised to the power of x", "exp(?)", "1.0", "0"));
        f.add(scalar(n, "ln", "double", "double", "Natural logarithm", "ln(?)", "0.0", "1"));
        f.add(scalar(n, "log2", "double", "double", "Base 2 logarithm", "log2(?)", "3.0", "8"));
        f.add(scalar(n, "log10", "double", "double", "Base 10 logarithm", "log10(?)", "2.0", "100"));
        f.add(scalar(n, "sin", "double", "double", "Sine of an angle in radians", "sin(?)", "0.0", "0"));
        f.add(scalar(n, "cos", "double", "double", "Cosine of an angle in radians", "cos(?)", "1.0", "0"));
        f.add(scalar(n, "tan", "double", "double", "Tangent of an angle in radians", "tan(?)", "0.0", "0"));
        f.add(scalar(n, "asin", "double", "double", "Arc sine, in radians", "asin(?)", "0.0", "0"));
        f.add(scalar(n, "acos", "double", "double", "Arc cosine, in radians", "acos(?)", "0.0", "1"));
        f.add(scalar(n, "atan", "double", "double", "Arc tangent, in radians", "atan(?)", "0.0", "0"));
        f.add(scalar(n, "atan2", "double", "double, double", "Arc tangent of y / x, in radians", "atan2(?, ?)",
                "0.7853981633974483", "1", "1"));
        f.add(scalar(n, "cosh", "double", "double", "Hyperbolic cosine", "cosh(?)", "1.0", "0"));
        f.add(scalar(n, "tanh", "double", "double", "Hyperbolic tangent", "tanh(?)", "0.0", "0"));
        f.add(scalar(n, "degrees", "double", "double", "Radians to degrees", "degrees(?)", "180.0", "3.141592653589793e0"));
        f.add(scalar(n, "radians", "double", "double", "Degrees to radians", "radians(?)", "3.141592653589793", "180"));
        f.add(scalar(n, "pi", "double", "", "The constant pi", "pi()", "3.141592653589793"));
    }

    private static void conditionals(List<FunctionInfo> f) {
        Category o = Category.OTHER;
        f.add(scalar(o, "if", "T", "boolean, T", "value if the condition is true, else NULL", "if(?, ?)", null, "1 > 2", "'yes'"));
        f.add(scalar(o, "if", "T", "boolean, T, T", "The second value if the condition is true, else the third",
                "if(?, ?, ?)", "yes", "1 < 2", "'yes'", "'no'"));
        f.add(scalar(o, "coalesce", "T", "T, T, ...", "The first value that is not NULL", "coalesce(?, ?)", "2", "CAST(NULL AS INTEGER)", "2"));
        f.add(scalar(o, "nullif", "T", "T, T", "NULL if the two values are equal, else the first", "nullif(?, ?)", null, "1", "1"));
        f.add(scalar(o, "greatest", "T", "T, T, ...", "The largest value; NULL if any is NULL", "greatest(?, ?, ?)", "3", "1", "3", "2"));
        f.add(scalar(o, "least", "T", "T, T, ...", "The smallest value; NULL if any is NULL", "least(?, ?, ?)", "1", "1", "3", "2"));
    }

    private static void datesAndTimes(List<FunctionInfo> f) {
        Category t = Category.TIMEDATE;
        f.add(nondeterministic(t, "current_date", "date", "", "The date the statement started, in UTC",
                "date_diff('day', current_date, date(now()))", "0"));
        f.add(nondeterministic(t, "current_timestamp", "timestamp(6)", "", "The time the statement started, in UTC",
                "date_diff('second', current_timestamp, now())", "0"));
        f.add(nondeterministic(t, "localtimestamp", "timestamp(6)", "", "Same as current_timestamp",
                "date_diff('second', localtimestamp, now())", "0"));
        f.add(nondeterministic(t, "now", "timestamp(6)", "", "Same as current_timestamp",
                "date_diff('second', now(), current_timestamp)", "0"));
        f.add(scalar(t, "date", "date", "varchar", "The date a string spells (yyyy-mm-dd)", "date(?)", "2024-03-15", "'2024-03-15'"));
        f.add(scalar(t, "date", "date", "timestamp", "The date of a timestamp", "date(?)", "2024-03-15", "TIMESTAMP '2024-03-15 10:20:30'"));
        f.add(scalar(t, "date_add", "[same as input]", "varchar, bigint, date|timestamp",
                "Adds value units (second, minute, hour, day, week, month, quarter, year) to the date or timestamp",
                "date_add(?, ?, ?)", "2024-02-29", "'month'", "1", "DATE '2024-01-31'"));
        f.add(scalar(t, "date_diff", "bigint", "varchar, date|timestamp, date|timestamp",
                "Whole units from the first to the second date or timestamp", "date_diff(?, ?, ?)", "14",
                "'day'", "DATE '2024-03-01'", "DATE '2024-03-15'"));
        f.add(scalar(t, "date_trunc", "[same as input]", "varchar, date|timestamp", "Truncated to the unit",
                "date_trunc(?, ?)", "2024-03-01", "'month'", "DATE '2024-03-15'"));
        f.add(scalar(t, "date_format", "varchar", "timestamp, varchar", "Formats the timestamp with MySQL's specifiers (%Y-%m-%d %H:%i:%s)",
                "date_format(?, ?)", "2024-03-15 10:20", "TIMESTAMP '2024-03-15 10:20:30'", "'%Y-%m-%d %H:%i'"));
        f.add(scalar(t, "from_unixtime", "timestamp(6)", "double", "The timestamp that many seconds after 1970-01-01 00:00:00 UTC",
                "from_unixtime(?)", "2024-03-15 10:20:30", "1710498030"));
        f.add(scalar(t, "extract", "bigint", "field FROM date|timestamp",
                "extract(field FROM x): YEAR, QUARTER, MONTH, WEEK, DAY, DOW, DOY, HOUR, MINUTE or SECOND",
                "extract(YEAR FROM ?)", "2024", "DATE '2024-03-15'"));
        f.add(scalar(t, "year", "bigint", "date|timestamp", "The year", "year(?)", "2024", "DATE '2024-03-15'"));
        f.add(scalar(t, "quarter", "bigint", "date|timestamp", "The quarter, 1 to 4", "quarter(?)", "1", "DATE '2024-03-15'"));
        f.add(scalar(t, "month", "bigint", "date|timestamp", "The month, 1 to 12", "month(?)", "3", "DATE '2024-03-15'"));
        f.add(scalar(t, "week", "bigint", "date|timestamp", "The ISO week of the year, 1 to 53", "week(?)", "11", "DATE '2024-03-15'"));
        f.add(scalar(t, "day", "bigint", "date|timestamp", "The day of the month, 1 to 31", "day(?)", "15", "DATE '2024-03-15'"));
        f.add(scalar(t, "day_of_month", "bigint", "date|timestamp", "Same as day", "day_of_month(?)", "15", "DATE '2024-03-15'"));
        f.add(scalar(t, "day_of_week", "bigint", "date|timestamp", "The ISO day of the week, 1 (Monday) to 7 (Sunday)",
                "day_of_week(?)", "5", "DATE '2024-03-15'"));
        f.add(scalar(t, "day_of_year", "bigint", "date|timestamp", "The day of the year, 1 to 366", "day_of_year(?)", "75",
                "DATE '2024-03-15'"));
        f.add(scalar(t, "hour", "bigint", "timestamp", "The hour, 0 to 23", "hour(?)", "10", "TIMESTAMP '2024-03-15 10:20:30'"));
        f.add(scalar(t, "minute", "bigint", "timestamp", "The minute, 0 to 59", "minute(?)", "20", "TIMESTAMP '2024-03-15 10:20:30'"));
        f.add(scalar(t, "second", "bigint", "timestamp", "The second, 0 to 59", "second(?)", "30", "TIMESTAMP '2024-03-15 10:20:30'"));
    }

    private static void system(List<FunctionInfo> f) {
        Category y = Category.SYSTEM;
        f.add(scalar(y, "current_user", "varchar", "", "The user of the session", "length(current_user) > 0", "true"));
        f.add(scalar(y, "current_schema", "varchar", "", "The session's schema (USE changes it)", "current_schema IS NOT NULL", "true"));
        f.add(scalar(y, "version", "varchar", "", "Shoal's version", "length(version()) > 0", "true"));
    }

    private static void aggregates(List<FunctionInfo> f) {
        String numbers = " FROM (VALUES 1, 2, 3, 4, CAST(NULL AS INTEGER)) t(x)";
        f.add(aggregate("avg", "double|decimal", "numeric", "Average of the values that are not NULL (exact for decimals)",
                "SELECT avg(x)" + numbers, "2.5"));
        f.add(aggregate("count", "bigint", "", "count(*): number of rows", "SELECT count(*)" + numbers, "5"));
        f.add(aggregate("count", "bigint", "T", "Number of values that are not NULL; count(DISTINCT x) counts distinct ones",
                "SELECT count(x)" + numbers, "4"));
        f.add(aggregate("count_if", "bigint", "boolean", "Number of rows where the condition is true",
                "SELECT count_if(x > 1)" + numbers, "3"));
        f.add(aggregate("approx_distinct", "bigint", "T", "Number of distinct values (Shoal counts them exactly)",
                "SELECT approx_distinct(mod(x, 2))" + numbers, "2"));
        f.add(aggregate("max", "T", "T", "Largest value", "SELECT max(x)" + numbers, "4"));
        f.add(aggregate("min", "T", "T", "Smallest value", "SELECT min(x)" + numbers, "1"));
        f.add(aggregate("sum", "bigint|double|decimal", "numeric", "Sum of the values; NULL without any",
                "SELECT sum(x)" + numbers, "10"));
        f.add(aggregate("stddev", "double", "numeric", "Same as stddev_samp", "SELECT stddev(x) FROM (VALUES 1, 2, 3) t(x)", "1.0"));
        f.add(aggregate("stddev_samp", "double", "numeric", "Sample standard deviation",
                "SELECT stddev_samp(x) FROM (VALUES 1, 2, 3) t(x)", "1.0"));
        f.add(aggregate("stddev_pop", "double", "numeric", "Population standard deviation",
                "SELECT stddev_pop(x) FROM (VALUES 1, 3) t(x)", "1.0"));
        f.add(aggregate("variance", "double", "numeric", "Same as var_samp", "SELECT variance(x) FROM (VALUES 1, 2, 3) t(x)", "1.0"));
        f.add(aggregate("var_samp", "double", "numeric", "Sample variance", "SELECT var_samp(x) FROM (VALUES 1, 2, 3) t(x)", "1.0"));
        f.add(aggregate("var_pop", "double", "numeric", "Population variance", "SELECT var_pop(x) FROM (VALUES 1, 3) t(x)", "1.0"));
        f.add(aggregate("bool_and", "boolean", "boolean", "Whether every value is true", "SELECT bool_and(x > 1)" + numbers, "false"));
        f.add(aggregate("every", "boolean", "boolean", "Same as bool_and", "SELECT every(x > 0)" + numbers, "true"));
        f.add(aggregate("bool_or", "boolean", "boolean", "Whether any value is true", "SELECT bool_or(x > 3)" + numbers, "true"));
    }

    private static void windows(List<FunctionInfo> f) {
        String over = " FROM (VALUES 10, 20, 20, 30) t(x) ORDER BY x DESC";
        f.add(window("row_number", "bigint", "", "Number of the row in its partition, from 1",
                "SELECT row_number() OVER (ORDER BY x)" + over, "4"));
        f.add(window("rank", "bigint", "", "Rank of the row, with gaps after ties", "SELECT rank() OVER (ORDER BY x)" + over, "4"));
        f.add(window("dense_rank", "bigint", "", "Rank of the row, without gaps", "SELECT dense_rank() OVER (ORDER BY x)" + over, "3"));
        f.add(window("percent_rank", "double", "", "(rank - 1) / (rows in the partition - 1)",
                "SELECT percent_rank() OVER (ORDER BY x)" + over, "1.0"));
        f.add(window("cume_dist", "double", "", "Share of the partition's rows up to and including the row's peers",
                "SELECT cume_dist() OVER (ORDER BY x DESC)" + over, "0.25"));
        f.add(window("ntile", "bigint", "bigint", "The row's bucket when the partition is cut into n buckets",
                "SELECT ntile(2) OVER (ORDER BY x)" + over, "2"));
        f.add(window("lag", "T", "T[, bigint[, T]]", "The value offset rows before (default 1), or the default",
                "SELECT lag(x) OVER (ORDER BY x)" + over, "20"));
        f.add(window("lead", "T", "T[, bigint[, T]]", "The value offset rows after (default 1), or the default",
                "SELECT lead(x, 1, 0) OVER (ORDER BY x)" + over, "0"));
        f.add(window("first_value", "T", "T", "The value at the frame's first row", "SELECT first_value(x) OVER (ORDER BY x)" + over, "10"));
        f.add(window("last_value", "T", "T", "The value at the frame's last row",
                "SELECT last_value(x) OVER (ORDER BY x ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)" + over, "30"));
        f.add(window("nth_value", "T", "T, bigint", "The value at the frame's n-th row (from 1)",
                "SELECT nth_value(x, 2) OVER (ORDER BY x ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)" + over, "20"));
    }

    private static FunctionInfo scalar(Category category, String name, String returns, String arguments, String description,
                                       String example, String result, String... exampleArguments) {
        return new FunctionInfo(name, returns, arguments, Kind.SCALAR, category, true, description, example,
                List.of(exampleArguments), result);
    }

    private static FunctionInfo nondeterministic(Category category, String name, String returns, String arguments,
                                                 String description, String example, String result) {
        return new FunctionInfo(name, returns, arguments, Kind.SCALAR, category, false, description, example, List.of(), result);
    }

    private static FunctionInfo aggregate(String name, String returns, String arguments, String description, String query,
                                          String result) {
        return new FunctionInfo(name, returns, arguments, Kind.AGGREGATE, Category.OTHER, true, description, query, List.of(), result);
    }

    private static FunctionInfo window(String name, String returns, String arguments, String description, String query,
                                       String result) {
        return new FunctionInfo(name, returns, arguments, Kind.WINDOW, Category.OTHER, true, description, query, List.of(), result);
    }
}
