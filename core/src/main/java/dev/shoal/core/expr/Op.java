package dev.shoal.core.expr;

/**
 * Scalar operators. Arithmetic on DECIMAL follows SQL: the planner has already chosen the result
 * type (precision and scale), and the evaluator rescales exactly to it.
 */
public enum Op {
    ADD, SUBTRACT, MULTIPLY, DIVIDE, MODULO, NEGATE,
    EQUAL, NOT_EQUAL, LESS_THAN, LESS_THAN_OR_EQUAL, GREATER_THAN, GREATER_THAN_OR_EQUAL,
    /** Three-valued AND/OR over any number of arguments. */
    AND, OR, NOT,
    IS_NULL, IS_NOT_NULL,
    /** (value, candidates...): candidates are literals; NULL semantics as SQL's IN list. */
    IN,
    /** (when1, then1, when2, then2, ..., else). */
    CASE,
    /** (value): to the call's type. */
    CAST,
    /** (value, pattern[, escape]): SQL LIKE with % and _. */
    LIKE,
    /** (unit as VARCHAR literal: YEAR, QUARTER, MONTH, DAY, DOW, DOY, HOUR, MINUTE, SECOND, WEEK, value). */
    EXTRACT,
    /** (date or timestamp, days). */
    PLUS_DAYS,
    /** (date or timestamp, months): clamps to the month's last day, as SQL does. */
    PLUS_MONTHS,
    /** (timestamp, microseconds). */
    PLUS_MICROS,
    /** Trino's substr(string, start[, length]), also spelled substring: 1-based, a negative start counts from the end, start 0 is ''. */
    SUBSTR,
    UPPER, LOWER, CHAR_LENGTH,
    /** (string, string...). */
    CONCAT,
    /** (value, value...): the first non-null. */
    COALESCE,
    ABS,
    /** Trino's string functions, with its argument order: strpos(s, sub), replace(s, from[, to]), ... */
    STRPOS, REPLACE, TRIM, LTRIM, RTRIM, SPLIT_PART, LPAD, RPAD, STARTS_WITH, ENDS_WITH, REVERSE,
    /** regexp_like(s, pattern), regexp_extract(s, pattern[, group]), regexp_replace(s, pattern[, replacement]): Java regex, all matches replaced. */
    REGEXP_LIKE, REGEXP_EXTRACT, REGEXP_REPLACE,
    /** (value, value...): NULL if any is NULL, as in Trino. */
    GREATEST, LEAST,
    /** (value[, digits]): half away from zero. */
    ROUND, FLOOR, CEIL, POWER, SQRT, LN, EXP, SIGN,
    /** (value[, digits]): toward zero, to the call's type. */
    TRUNCATE,
    /** Functions of doubles, as java.lang.Math computes them: atan2(y, x), log2, log10, degrees, radians. */
    SIN, COS, TAN, ASIN, ACOS, ATAN, ATAN2, COSH, TANH, LOG2, LOG10, CBRT, DEGREES, RADIANS,
    /** Trino's date functions: date_trunc(unit, x), date_add(unit, amount, x), date_diff(unit, x1, x2), from_unixtime(seconds). */
    DATE_TRUNC, DATE_ADD, DATE_DIFF, DATE_FORMAT, FROM_UNIXTIME,
    /** (column..., bucket count): Hive's bucket of the row, 0 to count - 1 ({@code HiveBuckets}); routes a bucketed write. */
    HIVE_BUCKET
}
