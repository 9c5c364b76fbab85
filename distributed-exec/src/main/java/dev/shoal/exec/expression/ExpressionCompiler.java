package dev.shoal.exec.expression;

import dev.shoal.core.batch.ColumnVector;
import dev.shoal.core.batch.VectorBuilder;
import dev.shoal.core.catalog.HiveBuckets;
import dev.shoal.core.error.ErrorCode;
import dev.shoal.core.error.ShoalException;
import dev.shoal.core.expr.Call;
import dev.shoal.core.expr.Expr;
import dev.shoal.core.expr.InputRef;
import dev.shoal.core.expr.Literal;
import dev.shoal.core.expr.Op;
import dev.shoal.core.type.DataType;
import dev.shoal.core.type.TypeKind;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Turns a plan expression into a tree of vectorized evaluators, once per operator. */
public final class ExpressionCompiler {
    private ExpressionCompiler() {
    }

    public static VectorExpression compile(Expr expr) {
        if (expr instanceof InputRef ref) {
            int index = ref.index();
            return batch -> batch.column(index);
        }
        if (expr instanceof Literal literal) {
            return constant(literal);
        }
        return compileCall((Call) expr);
    }

    private static VectorExpression constant(Literal literal) {
        // Cache the last vector: batches mostly share one size.
        ColumnVector[] last = new ColumnVector[1];
        return batch -> {
            ColumnVector cached = last[0];
            if (cached != null && cached.size() == batch.rowCount()) {
                return cached;
            }
            ColumnVector made = VectorBuilder.constant(literal.type(), literal.value(), batch.rowCount());
            last[0] = made;
            return made;
        };
    }

    private static VectorExpression comparison(Op op, List<Expr> args) {
        Expr left = args.get(0);
        Expr right = args.get(1);
        VectorExpression leftCompiled = compile(left);
        VectorExpression rightCompiled = compile(right);
        VectorExpression special = null;
        if (right instanceof Literal literal && !(left instanceof Literal)) {
            special = ConstantComparisonExpression.tryCreate(op, leftCompiled, left.type(), literal);
        } else if (left instanceof Literal literal && !(right instanceof Literal)) {
            special = ConstantComparisonExpression.tryCreate(ConstantComparisonExpression.flipped(op), rightCompiled,
                    right.type(), literal);
        }
        return special != null ? special : new ComparisonExpression(op, leftCompiled, rightCompiled);
    }

    private static List<VectorExpression> compileAll(List<Expr> exprs) {
        List<VectorExpression> out = new ArrayList<>(exprs.size());
        for (Expr e : exprs) {
            out.add(compile(e));
        }
        return out;
    }

    private static VectorExpression compileCall(Call call) {
        Op op = call.op();
        List<Expr> args = call.args();
        DataType type = call.type();
        return switch (op) {
            case ADD, SUBTRACT, MULTIPLY, DIVIDE, MODULO ->
                    new ArithmeticExpression(op, compile(args.get(0)), compile(args.get(1)), type);
            case NEGATE -> new ArithmeticExpression(Op.SUBTRACT,
                    constant(new Literal(type.storage() == TypeKind.Storage.DOUBLE ? (Object) 0.0 : (Object) 0L, type)),
                    compile(args.get(0)), type);
            case EQUAL, NOT_EQUAL, LESS_THAN, LESS_THAN_OR_EQUAL, GREATER_THAN, GREATER_THAN_OR_EQUAL -> comparison(op, args);
            case AND, OR -> new LogicalExpression(op == Op.AND, compileAll(args));
            case NOT -> new NotExpression(compile(args.get(0)));
            case IS_NULL, IS_NOT_NULL -> new IsNullExpression(compile(args.get(0)), op == Op.IS_NOT_NULL);
            case IN -> inList(args);
            case CASE -> caseExpression(args, type);
            case CAST -> {
                DataType from = args.get(0).type();
                yield new RowFunctionExpression(compileAll(args), v -> ValueCasts.cast(v[0], from, type), type, false);
            }
            case LIKE -> like(args);
            case EXTRACT -> {
                String unit = (String) literalValue(args.get(0), "EXTRACT unit");
                DataType from = args.get(1).type();
                yield new RowFunctionExpression(compileAll(args.subList(1, 2)),
                        v -> DateTimeFunctions.extract(unit, (Long) v[0], from), type, false);
            }
            case PLUS_DAYS -> {
                DataType from = args.get(0).type();
                yield new RowFunctionExpression(compileAll(args),
                        v -> DateTimeFunctions.plusDays((Long) v[0], (Long) v[1], from), type, false);
            }
            case PLUS_MONTHS -> {
                DataType from = args.get(0).type();
                yield new RowFunctionExpression(compileAll(args),
                        v -> DateTimeFunctions.plusMonths((Long) v[0], (Long) v[1], from), type, false);
            }
            case PLUS_MICROS -> new RowFunctionExpression(compileAll(args),
                    v -> Decimals.add((Long) v[0], (Long) v[1]), type, false);
            case SUBSTR -> new RowFunctionExpression(compileAll(args), StringFunctions::substr, type, false);
            case UPPER -> new RowFunctionExpression(compileAll(args), v -> ((String) v[0]).toUpperCase(Locale.ROOT), type, false);
            case LOWER -> new RowFunctionExpression(compileAll(args), v -> ((String) v[0]).toLowerCase(Locale.ROOT), type, false);
            case CHAR_LENGTH -> new RowFunctionExpression(compileAll(args),
                    v -> (long) ((String) v[0]).codePointCount(0, ((String) v[0]).length()), type, false);
            case CONCAT -> new RowFunctionExpression(compileAll(args), StringFunctions::concat, type, false);
            case COALESCE -> coalesce(args, type);
            case HIVE_BUCKET -> {
                List<Expr> columns = args.subList(0, args.size() - 1);
                List<DataType> types = columns.stream().map(Expr::type).toList();
                int buckets = ((Number) literalValue(args.get(args.size() - 1), "bucket count")).intValue();
                yield new RowFunctionExpression(compileAll(columns), v -> (long) HiveBuckets.bucket(v, types, buckets), type, true);
            }
            case ABS -> new RowFunctionExpression(compileAll(args),
                    v -> v[0] instanceof Double d ? (Object) Math.abs(d)
                            : v[0] instanceof BigInteger wide ? wide.abs() : (Object) Math.abs((Long) v[0]), type, false);
            default -> new RowFunctionExpression(compileAll(args),
                    ScalarFunctions.of(op, args.stream().map(Expr::type).toList(), type), type, false);
        };
    }

    private static Object literalValue(Expr expr, String what) {
        if (!(expr instanceof Literal literal)) {
            throw new ShoalException(ErrorCode.NOT_SUPPORTED, what + " must be a constant");
        }
        return literal.value();
    }

    private static VectorExpression inList(List<Expr> args) {
        DataType valueType = args.get(0).type();
        Set<Object> candidates = new HashSet<>();
        boolean hasNull = false;
        for (Expr candidate : args.subList(1, args.size())) {
            Object value = literalValue(candidate, "an IN list item");
            if (value == null) {
                hasNull = true;
            } else {
                candidates.add(ValueCasts.cast(value, candidate.type(), valueType));
            }
        }
        return new InListExpression(compile(args.get(0)), candidates, hasNull);
    }

    private static VectorExpression caseExpression(List<Expr> args, DataType type) {
        List<VectorExpression> conditions = new ArrayList<>();
        List<VectorExpression> results = new ArrayList<>();
        for (int i = 0; i + 1 < args.size(); i += 2) {
            conditions.add(compile(args.get(i)));
            results.add(compile(args.get(i + 1)));
        }
        VectorExpression otherwise = args.size() % 2 == 1 ? compile(args.get(args.size() - 1))
                : constant(new Literal(null, type));
        return new CaseExpression(conditions, results, otherwise, type, args.stream().allMatch(FailureFree::test));
    }

    private static VectorExpression like(List<Expr> args) {
        String pattern = (String) literalValue(args.get(1), "a LIKE pattern");
        Character escape = null;
        if (args.size() > 2) {
            String text = (String) literalValue(args.get(2), "a LIKE escape");
            if (text == null || text.length() != 1) {
                throw new ShoalException(ErrorCode.INVALID_ARGUMENT, "LIKE escape must be a single character");
            }
            escape = text.charAt(0);
        }
        if (pattern == null) {
            return constant(new Literal(null, DataType.BOOLEAN));
        }
        return new LikeExpression(compile(args.get(0)), pattern, escape);
    }

    private static VectorExpression coalesce(List<Expr> args, DataType type) {
        List<DataType> types = args.stream().map(Expr::type).toList();
        return new RowFunctionExpression(compileAll(args), v -> {
            for (int i = 0; i < v.length; i++) {
                if (v[i] != null) {
                    return ValueCasts.cast(v[i], types.get(i), type);
                }
            }
            return null;
        }, type, true);
    }
}
