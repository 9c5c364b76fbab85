package dev.shoal.planner.translate;

import dev.shoal.core.ShoalVersion;
import dev.shoal.core.error.ErrorCode;
import dev.shoal.core.error.ShoalException;
import dev.shoal.core.expr.Call;
import dev.shoal.core.expr.Expr;
import dev.shoal.core.expr.InputRef;
import dev.shoal.core.expr.Literal;
import dev.shoal.core.expr.Op;
import dev.shoal.core.type.DataType;
import dev.shoal.core.type.TypeKind;
import dev.shoal.planner.Session;
import dev.shoal.planner.calcite.SqlTypes;
import org.apache.calcite.avatica.util.TimeUnitRange;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUnknownAs;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.fun.SqlTrimFunction;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.util.DateString;
import org.apache.calcite.util.Sarg;
import org.apache.calcite.util.TimestampString;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Translates Calcite row expressions into Shoal's expression IR. */
final class RexTranslator {
    private static final long MILLIS_PER_DAY = 86_400_000L;
    /** Constants past which an IN list over a column is one hashed IN rather than equalities. */
    private static final int LONG_IN_LIST = 16;

    private final RexBuilder rexBuilder;
    private final Session session;

    RexTranslator(RexBuilder rexBuilder, Session session) {
        this.rexBuilder = rexBuilder;
        this.session = session;
    }

    Expr translate(RexNode node) {
        if (node instanceof RexInputRef ref) {
            return new InputRef(ref.getIndex(), SqlTypes.toShoal(ref.getType()));
        }
        if (node instanceof RexLiteral literal) {
            return literal(literal);
        }
        if (node instanceof RexCall call) {
            return call(call);
        }
        throw unsupported("expression " + node);
    }

    /** The unscaled value at the type's scale: a Long, or a BigInteger when it needs more than 64 bits. */
    static Object unscaled(BigDecimal value, DataType type) {
        BigInteger unscaled = value.setScale(type.scale(), RoundingMode.HALF_UP).unscaledValue();
        return unscaled.bitLength() < 64 ? (Object) unscaled.longValue() : unscaled;
    }

    /** Microseconds since the epoch: TimestampString keeps every digit, its millisecond value drops the last three. */
    private static long micros(TimestampString timestamp) {
        LocalDateTime time = LocalDateTime.parse(timestamp.toString().replace(' ', 'T'));
        return time.toEpochSecond(ZoneOffset.UTC) * 1_000_000L + time.getNano() / 1000;
    }

    static Literal literal(RexLiteral literal) {
        DataType type = SqlTypes.toShoal(literal.getType());
        if (literal.isNull()) {
            return new Literal(null, type);
        }
        return switch (literal.getType().getSqlTypeName()) {
            case BOOLEAN -> new Literal(literal.getValueAs(Boolean.class), type);
            case TINYINT, SMALLINT, INTEGER, BIGINT -> new Literal(literal.getValueAs(BigDecimal.class).longValueExact(), type);
            case DECIMAL -> new Literal(unscaled(literal.getValueAs(BigDecimal.class), type), type);
            case FLOAT, REAL, DOUBLE -> new Literal(literal.getValueAs(BigDecimal.class).doubleValue(), type);
            case CHAR, VARCHAR -> new Literal(literal.getValueAs(String.class), type);
            case DATE -> new Literal((long) literal.getValueAs(DateString.class).getDaysSinceEpoch(), type);
            case TIMESTAMP -> new Literal(micros(literal.getValueAs(TimestampString.class)), type);
            default -> throw unsupported("literal " + literal + " of type " + literal.getType());
        };
    }

    private List<Expr> translateAll(List<RexNode> nodes) {
        List<Expr> out = new ArrayList<>(nodes.size());
        for (RexNode node : nodes) {
            out.add(translate(node));
        }
        return out;
    }

    private Expr call(RexCall call) {
        DataType type = SqlTypes.toShoal(call.getType());
        List<RexNode> operands = call.getOperands();
        SqlKind kind = call.getKind();
        switch (kind) {
            case SEARCH: {
                Expr inList = inList(call);
                return inList != null ? inList : translate(RexUtil.expandSearch(rexBuilder, null, call));
            }
            case IS_DISTINCT_FROM:
            case IS_NOT_DISTINCT_FROM:
                // NULL-safe comparison, spelled out with IS NULL and = (never NULL itself).
                return translate(RelOptUtil.isDistinctFrom(rexBuilder, operands.get(0),
                        operands.get(1), kind == SqlKind.IS_NOT_DISTINCT_FROM));
            case PLUS:
            case MINUS:
                if (SqlTypeFamily.DATETIME.contains(call.getType())) {
                    return datetimePlus(operands.get(0), operands.get(1), kind == SqlKind.MINUS, type);
                }
                return new Call(kind == SqlKind.PLUS ? Op.ADD : Op.SUBTRACT, translateAll(operands), type);
            case TIMES:
                return new Call(Op.MULTIPLY, translateAll(operands), type);
            case DIVIDE:
                return new Call(Op.DIVIDE, translateAll(operands), type);
            case MOD:
                return new Call(Op.MODULO, translateAll(operands), type);
            case MINUS_PREFIX:
                return new Call(Op.NEGATE, translateAll(operands), type);
            case PLUS_PREFIX:
                return translate(operands.get(0));
            case EQUALS:
                return new Call(Op.EQUAL, translateAll(operands), type);
            case NOT_EQUALS:
                return new Call(Op.NOT_EQUAL, translateAll(operands), type);
            case LESS_THAN:
                return new Call(Op.LESS_THAN, translateAll(operands), type);
            case LESS_THAN_OR_EQUAL:
                return new Call(Op.LESS_THAN_OR_EQUAL, translateAll(operands), type);
            case GREATER_THAN:
                return new Call(Op.GREATER_THAN, translateAll(operands), type);
            case GREATER_THAN_OR_EQUAL:
                return new Call(Op.GREATER_THAN_OR_EQUAL, translateAll(operands), type);
            case AND:
                return new Call(Op.AND, translateAll(operands), type);
            case OR:
                return new Call(Op.OR, translateAll(operands), type);
            case NOT:
                return new Call(Op.NOT, translateAll(operands), type);
            case IS_NULL:
                return new Call(Op.IS_NULL, translateAll(operands), type);
            case IS_NOT_NULL:
                return new Call(Op.IS_NOT_NULL, translateAll(operands), type);
            case IS_TRUE:
                return new Call(Op.COALESCE, type, translate(operands.get(0)), new Literal(false, DataType.BOOLEAN));
            case IS_NOT_TRUE:
                return new Call(Op.NOT, type,
                        new Call(Op.COALESCE, type, translate(operands.get(0)), new Literal(false, DataType.BOOLEAN)));
            case IS_FALSE:
                return new Call(Op.COALESCE, type, new Call(Op.NOT, type, translate(operands.get(0))), new Literal(false, DataType.BOOLEAN));
            case IS_NOT_FALSE:
                return new Call(Op.COALESCE, type, translate(operands.get(0)), new Literal(true, DataType.BOOLEAN));
            case CASE:
                return new Call(Op.CASE, translateAll(operands), type);
            case CAST:
                if (SqlTypes.toShoal(operands.get(0).getType()).equals(type)) {
                    return translate(operands.get(0));
                }
                return new Call(Op.CAST, translateAll(operands), type);
            case LIKE:
                if (call.getOperator().getName().toUpperCase(Locale.ROOT).contains("NOT")) {
                    return new Call(Op.NOT, type, new Call(Op.LIKE, translateAll(operands), type));
                }
                return new Call(Op.LIKE, translateAll(operands), type);
            case EXTRACT: {
                TimeUnitRange unit = ((RexLiteral) operands.get(0)).getValueAs(TimeUnitRange.class);
                return new Call(Op.EXTRACT, type, Literal.ofString(unit.name()), translate(operands.get(1)));
            }
            case COALESCE:
                return new Call(Op.COALESCE, translateAll(operands), type);
            case TRIM: {
                // TRIM([BOTH | LEADING | TRAILING] chars FROM s): (flag, chars, s) in Calcite.
                String flag = ((RexLiteral) operands.get(0)).getValueAs(SqlTrimFunction.Flag.class).name();
                return new Call(Op.TRIM, type, Literal.ofString(flag), translate(operands.get(1)), translate(operands.get(2)));
            }
            default:
                return function(call, type);
        }
    }

    private Expr function(RexCall call, DataType type) {
        String name = call.getOperator().getName().toUpperCase(Locale.ROOT);
        List<Expr> args = translateAll(call.getOperands());
        return switch (name) {
            // Trino's substring is its substr: a negative start counts from the end.
            case "SUBSTRING", "SUBSTR" -> new Call(Op.SUBSTR, args, type);
            case "DAY", "DAY_OF_MONTH" -> new Call(Op.EXTRACT, type, Literal.ofString("DAY"), args.get(0));
            case "UPPER" -> new Call(Op.UPPER, args, type);
            case "LOWER" -> new Call(Op.LOWER, args, type);
            case "CHAR_LENGTH", "CHARACTER_LENGTH", "LENGTH" -> new Call(Op.CHAR_LENGTH, args, type);
            case "||", "CONCAT" -> new Call(Op.CONCAT, args, type);
            case "ABS" -> new Call(Op.ABS, args, type);
            case "STRPOS" -> new Call(Op.STRPOS, args, type);
            case "POSITION" -> new Call(Op.STRPOS, List.of(args.get(1), args.get(0)), type);
            case "REPLACE" -> new Call(Op.REPLACE, args.size() == 3 ? args : List.of(args.get(0), args.get(1), Literal.ofString("")), type);
            case "LTRIM" -> new Call(Op.LTRIM, args, type);
            case "RTRIM" -> new Call(Op.RTRIM, args, type);
            case "SPLIT_PART" -> new Call(Op.SPLIT_PART, args, type);
            case "LPAD" -> new Call(Op.LPAD, args, type);
            case "RPAD" -> new Call(Op.RPAD, args, type);
            case "STARTS_WITH" -> new Call(Op.STARTS_WITH, args, type);
            case "ENDS_WITH" -> new Call(Op.ENDS_WITH, args, type);
            case "REVERSE" -> new Call(Op.REVERSE, args, type);
            case "REGEXP_LIKE" -> new Call(Op.REGEXP_LIKE, args, type);
            case "REGEXP_EXTRACT" -> new Call(Op.REGEXP_EXTRACT, args, type);
            case "REGEXP_REPLACE" -> new Call(Op.REGEXP_REPLACE, args, type);
            case "GREATEST" -> new Call(Op.GREATEST, args, type);
            case "LEAST" -> new Call(Op.LEAST, args, type);
            case "IF" -> new Call(Op.CASE, args.size() == 3 ? args : List.of(args.get(0), args.get(1), new Literal(null, type)), type);
            case "ROUND" -> new Call(Op.ROUND, args, type);
            case "FLOOR" -> new Call(Op.FLOOR, args, type);
            case "CEIL", "CEILING" -> new Call(Op.CEIL, args, type);
            case "POWER", "POW" -> new Call(Op.POWER, args, type);
            case "TRUNCATE" -> new Call(Op.TRUNCATE, args, type);
            case "SIN", "COS", "TAN", "ASIN", "ACOS", "ATAN", "ATAN2", "COSH", "TANH", "LOG2", "LOG10", "CBRT", "DEGREES", "RADIANS" ->
                    new Call(Op.valueOf(name), args, type);
            case "SQRT" -> new Call(Op.SQRT, args, type);
            case "LN" -> new Call(Op.LN, args, type);
            case "EXP" -> new Call(Op.EXP, args, type);
            case "SIGN" -> new Call(Op.SIGN, args, type);
            case "DATE_TRUNC" -> new Call(Op.DATE_TRUNC, args, type);
            case "DATE_ADD" -> new Call(Op.DATE_ADD, args, type);
            case "DATE" -> new Call(Op.CAST, args, type);
            case "DATE_DIFF" -> new Call(Op.DATE_DIFF, args, type);
            case "FROM_UNIXTIME" -> new Call(Op.FROM_UNIXTIME, args, type);
            case "DATE_FORMAT" -> new Call(Op.DATE_FORMAT, args, type);
            case "DAY_OF_WEEK" -> new Call(Op.EXTRACT, type, Literal.ofString("DOW"), args.get(0));
            case "DAY_OF_YEAR" -> new Call(Op.EXTRACT, type, Literal.ofString("DOY"), args.get(0));
            case "CURRENT_DATE" -> Literal.ofLong(LocalDate.ofInstant(session.start(), ZoneOffset.UTC).toEpochDay(), type);
            // The statement's start, in UTC (Shoal's timestamps have no time zone), the same on every row.
            case "CURRENT_TIMESTAMP", "LOCALTIMESTAMP", "NOW" -> Literal.ofLong(ChronoUnit.MICROS.between(Instant.EPOCH, session.start()),
                    DataType.TIMESTAMP);
            case "CURRENT_USER", "USER", "SESSION_USER" -> Literal.ofString(session.user());
            case "CURRENT_SCHEMA" -> Literal.ofString(session.schema());
            case "VERSION" -> Literal.ofString(ShoalVersion.VERSION);
            default -> throw unsupported("function " + call.getOperator().getName());
        };
    }

    /** date ± INTERVAL: day-time intervals are milliseconds in Calcite, year-month intervals months. */
    private Expr datetimePlus(RexNode datetime, RexNode interval, boolean subtract, DataType type) {
        if (!(interval instanceof RexLiteral literal) || !SqlTypeFamily.DATETIME_INTERVAL.contains(interval.getType())) {
            throw unsupported("date arithmetic with a non-constant interval " + interval);
        }
        long amount = literal.getValueAs(BigDecimal.class).longValueExact();
        if (subtract) {
            amount = -amount;
        }
        Expr base = translate(datetime);
        SqlTypeName intervalType = interval.getType().getSqlTypeName();
        if (intervalType.getFamily() == SqlTypeFamily.INTERVAL_YEAR_MONTH) {
            return new Call(Op.PLUS_MONTHS, type, base, Literal.ofLong(amount, DataType.BIGINT));
        }
        if (amount % MILLIS_PER_DAY == 0) {
            return new Call(Op.PLUS_DAYS, type, base, Literal.ofLong(amount / MILLIS_PER_DAY, DataType.BIGINT));
        }
        if (type.kind() != TypeKind.TIMESTAMP) {
            throw unsupported("adding a sub-day interval to a DATE");
        }
        return new Call(Op.PLUS_MICROS, type, base, Literal.ofLong(amount * 1000, DataType.BIGINT));
    }

    /**
     * {@code x IN (c1, c2, ...)} as one IN over a hash of the constants, where the equalities Calcite
     * expands a search into would compute {@code x} once per constant: when {@code x} is an
     * expression (TPC-DS q08 compares substr(ca_zip, 1, 5) with 400 zip codes), or the list is long.
     * Short lists over a column stay equalities, which filters evaluate on the selected rows only.
     */
    private Expr inList(RexCall search) {
        RexNode value = search.getOperands().get(0);
        Sarg<?> sarg = ((RexLiteral) search.getOperands().get(1)).getValueAs(Sarg.class);
        if (sarg == null || !sarg.isPoints() || sarg.nullAs != RexUnknownAs.UNKNOWN) {
            return null;
        }
        int points = sarg.rangeSet.asRanges().size();
        if (points < 2 || value instanceof RexInputRef && points <= LONG_IN_LIST) {
            return null;
        }
        List<Expr> args = new ArrayList<>();
        args.add(translate(value));
        RexNode expanded = RexUtil.expandSearch(rexBuilder, null, search);
        for (RexNode equality : expanded.getKind() == SqlKind.OR ? ((RexCall) expanded).getOperands() : List.of(expanded)) {
            if (equality.getKind() != SqlKind.EQUALS || !(((RexCall) equality).getOperands().get(1) instanceof RexLiteral literal)) {
                return null;
            }
            args.add(literal(literal));
        }
        return new Call(Op.IN, args, SqlTypes.toShoal(search.getType()));
    }

    static ShoalException unsupported(String what) {
        return new ShoalException(ErrorCode.NOT_SUPPORTED, what + " is not supported yet");
    }
}
