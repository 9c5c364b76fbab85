package dev.shoal.exec.expression;

import dev.shoal.core.error.ErrorCode;
import dev.shoal.core.error.ShoalException;
import dev.shoal.core.expr.Op;
import dev.shoal.core.type.DataType;
import dev.shoal.core.type.TypeKind;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.DoubleUnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Scalar functions computed value by value, with Trino's semantics: strings in code points,
 * 1-based positions, regular expressions with Java's syntax (Trino's is close: both take $1 in
 * replacements), rounding half away from zero.
 */
final class ScalarFunctions {
    private ScalarFunctions() {
    }

    /** The function for {@code op} over arguments of {@code types}, giving {@code type}; null if not one of these. */
    static RowFunctionExpression.RowFunction of(Op op, List<DataType> types, DataType type) {
        return switch (op) {
            case STRPOS -> v -> strpos((String) v[0], (String) v[1]);
            case REPLACE -> v -> ((String) v[0]).replace((String) v[1], v.length > 2 ? (String) v[2] : "");
            case TRIM -> v -> trim((String) v[2], (String) v[1], (String) v[0]);
            case LTRIM -> v -> trim((String) v[0], " ", "LEADING");
            case RTRIM -> v -> trim((String) v[0], " ", "TRAILING");
            case SPLIT_PART -> v -> splitPart((String) v[0], (String) v[1], (Long) v[2]);
            case LPAD -> v -> pad((String) v[0], (Long) v[1], (String) v[2], true);
            case RPAD -> v -> pad((String) v[0], (Long) v[1], (String) v[2], false);
            case STARTS_WITH -> v -> ((String) v[0]).startsWith((String) v[1]);
            case ENDS_WITH -> v -> ((String) v[0]).endsWith((String) v[1]);
            case REVERSE -> v -> new StringBuilder((String) v[0]).reverse().toString();
            case REGEXP_LIKE -> v -> pattern((String) v[1]).matcher((String) v[0]).find();
            case REGEXP_EXTRACT -> v -> regexpExtract((String) v[0], (String) v[1], v.length > 2 ? (Long) v[2] : 0);
            case REGEXP_REPLACE -> v -> pattern((String) v[1]).matcher((String) v[0]).replaceAll(v.length > 2 ? (String) v[2] : "");
            case GREATEST, LEAST -> {
                boolean greatest = op == Op.GREATEST;
                yield v -> extreme(v, types, type, greatest);
            }
            case ROUND -> v -> round(v, types.get(0), type);
            case FLOOR, CEIL -> {
                RoundingMode mode = op == Op.FLOOR ? RoundingMode.FLOOR : RoundingMode.CEILING;
                yield v -> fromDecimal(decimal(v[0], types.get(0)).setScale(0, mode), type);
            }
            case POWER -> v -> Math.pow(asDouble(v[0], types.get(0)), asDouble(v[1], types.get(1)));
            case SQRT -> v -> Math.sqrt(asDouble(v[0], types.get(0)));
            case LN -> v -> Math.log(asDouble(v[0], types.get(0)));
            case EXP -> v -> Math.exp(asDouble(v[0], types.get(0)));
            case SIGN -> v -> fromDecimal(BigDecimal.valueOf(decimal(v[0], types.get(0)).signum()), type);
            case TRUNCATE -> v -> truncate(v, types.get(0), type);
            case SIN, COS, TAN, ASIN, ACOS, ATAN, COSH, TANH, LOG2, LOG10, CBRT, DEGREES, RADIANS -> {
                DoubleUnaryOperator function = ofDoubles(op);
                yield v -> function.applyAsDouble(asDouble(v[0], types.get(0)));
            }
            case ATAN2 -> v -> Math.atan2(asDouble(v[0], types.get(0)), asDouble(v[1], types.get(1)));
            case DATE_TRUNC -> v -> DateTimeFunctions.truncate((String) v[0], (Long) v[1], types.get(1));
            case DATE_ADD -> v -> DateTimeFunctions.add((String) v[0], (Long) v[1], (Long) v[2], types.get(2));
            case DATE_DIFF -> v -> DateTimeFunctions.diff((String) v[0], (Long) v[1], types.get(1), (Long) v[2], types.get(2));
            case DATE_FORMAT -> v -> DateFormat.format((Long) v[0], types.get(0), (String) v[1]);
            case FROM_UNIXTIME -> v -> decimal(v[0], types.get(0)).movePointRight(6).setScale(0, RoundingMode.HALF_UP).longValueExact();
            default -> null;
        };
    }

    private static DoubleUnaryOperator ofDoubles(Op op) {
        return switch (op) {
            case SIN -> Math::sin;
            case COS -> Math::cos;
            case TAN -> Math::tan;
            case ASIN -> Math::asin;
            case ACOS -> Math::acos;
            case ATAN -> Math::atan;
            case COSH -> Math::cosh;
            case TANH -> Math::tanh;
            case LOG2 -> x -> Math.log(x) / Math.log(2);
            case LOG10 -> Math::log10;
            case CBRT -> Math::cbrt;
            case DEGREES -> Math::toDegrees;
            case RADIANS -> Math::toRadians;
            default -> throw new IllegalArgumentException(op + " is not a function of one double");
        };
    }

    private static long strpos(String s, String sub) {
        int at = s.indexOf(sub);
        return at < 0 ? 0 : s.codePointCount(0, at) + 1L;
    }

    private static String trim(String s, String characters, String where) {
        int start = 0;
        int end = s.length();
        if (!where.equals("TRAILING")) {
            while (start < end && characters.indexOf(s.charAt(start)) >= 0) {
                start++;
            }
        }
        if (!where.equals("LEADING")) {
            while (end > start && characters.indexOf(s.charAt(end - 1)) >= 0) {
                end--;
            }
        }
        return s.substring(start, end);
    }

    /** Trino: the index-th field (1-based), NULL past the last; DuckDB returns '' there. */
    private static String splitPart(String s, String delimiter, long index) {
        if (index < 1) {
            throw new ShoalException(ErrorCode.INVALID_ARGUMENT, "split_part index must be greater than zero, got " + index);
        }
        if (delimiter.isEmpty()) {
            return index == 1 ? s : null;
        }
        int from = 0;
        for (long field = 1; ; field++) {
            int at = s.indexOf(delimiter, from);
            if (field == index) {
                return at < 0 ? s.substring(from) : s.substring(from, at);
            }
            if (at < 0) {
                return null;
            }
            from = at + delimiter.length();
        }
    }

    private static String pad(String s, long size, String padding, boolean left) {
        if (size < 0) {
            throw new ShoalException(ErrorCode.INVALID_ARGUMENT, "pad size must not be negative, got " + size);
        }
        int length = s.codePointCount(0, s.length());
        if (length >= size) {
            return s.substring(0, s.offsetByCodePoints(0, (int) size));
        }
        if (padding.isEmpty()) {
            throw new ShoalException(ErrorCode.INVALID_ARGUMENT, "padding string must not be empty");
        }
        StringBuilder fill = new StringBuilder();
        while (fill.codePointCount(0, fill.length()) < size - length) {
            fill.append(padding);
        }
        String cut = fill.substring(0, fill.offsetByCodePoints(0, (int) (size - length)));
        return left ? cut + s : s + cut;
    }

    private static String regexpExtract(String s, String regex, long group) {
        Matcher matcher = pattern(regex).matcher(s);
        if (!matcher.find()) {
            return null;
        }
        if (group < 0 || group > matcher.groupCount()) {
            throw new ShoalException(ErrorCode.INVALID_ARGUMENT, "pattern has " + matcher.groupCount() + " groups, not " + group);
        }
        return matcher.group((int) group);
    }

    private static final Map<String, Pattern> PATTERNS = new ConcurrentHashMap<>();

    private static Pattern pattern(String regex) {
        Pattern cached = PATTERNS.get(regex);
        if (cached != null) {
            return cached;
        }
        try {
            Pattern compiled = Pattern.compile(regex);
            if (PATTERNS.size() < 1024) {
                PATTERNS.put(regex, compiled);
            }
            return compiled;
        } catch (PatternSyntaxException e) {
            throw new ShoalException(ErrorCode.INVALID_ARGUMENT, "invalid regular expression '" + regex + "': " + e.getDescription());
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object extreme(Object[] v, List<DataType> types, DataType type, boolean greatest) {
        Comparable best = null;
        for (int i = 0; i < v.length; i++) {
            Object cast = ValueCasts.cast(v[i], types.get(i), type);
            // Decimals compare as BigDecimal: a Long and a BigInteger (a wider value) do not compare.
            Comparable value = type.kind() == TypeKind.DECIMAL && cast != null
                    ? Decimals.toBigDecimal(cast, type.scale()) : (Comparable) cast;
            if (best == null || (greatest ? value.compareTo(best) > 0 : value.compareTo(best) < 0)) {
                best = value;
            }
        }
        return best instanceof BigDecimal decimal ? Decimals.unscaledOf(decimal, type) : best;
    }

    private static Object round(Object[] v, DataType from, DataType to) {
        int digits = v.length > 1 ? (int) (long) (Long) v[1] : 0;
        if (from.kind() == TypeKind.DOUBLE) {
            double d = (Double) v[0];
            return Double.isFinite(d) ? BigDecimal.valueOf(d).setScale(digits, RoundingMode.HALF_UP).doubleValue() : d;
        }
        return fromDecimal(decimal(v[0], from).setScale(digits, RoundingMode.HALF_UP), to);
    }

    /** truncate(x[, digits]): toward zero; infinities and NaN stay as they are. */
    private static Object truncate(Object[] v, DataType from, DataType to) {
        if (v[0] instanceof Double d && !Double.isFinite(d)) {
            return d;
        }
        int digits = v.length > 1 ? (int) (long) (Long) v[1] : 0;
        return fromDecimal(decimal(v[0], from).setScale(digits, RoundingMode.DOWN), to);
    }

    static BigDecimal decimal(Object value, DataType type) {
        if (value instanceof Double d) {
            return BigDecimal.valueOf(d);
        }
        return Decimals.toBigDecimal(value, type.kind() == TypeKind.DECIMAL ? type.scale() : 0);
    }

    private static double asDouble(Object value, DataType type) {
        return value instanceof Double d ? d : decimal(value, type).doubleValue();
    }

    static Object fromDecimal(BigDecimal value, DataType type) {
        return switch (type.kind()) {
            case DOUBLE -> value.doubleValue();
            case DECIMAL -> Decimals.unscaledOf(value, type);
            default -> value.setScale(0, RoundingMode.HALF_UP).longValueExact();
        };
    }
}
