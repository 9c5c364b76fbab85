package dev.shoal.planner.translate;

import dev.shoal.core.error.ErrorCode;
import dev.shoal.core.error.ShoalException;
import dev.shoal.core.expr.Call;
import dev.shoal.core.expr.Expr;
import dev.shoal.core.expr.InputRef;
import dev.shoal.core.expr.Op;
import dev.shoal.core.plan.AggregateCall;
import dev.shoal.core.plan.AggregateNode;
import dev.shoal.core.plan.FilterNode;
import dev.shoal.core.plan.FrameBound;
import dev.shoal.core.plan.JoinNode;
import dev.shoal.core.plan.JoinType;
import dev.shoal.core.plan.LimitNode;
import dev.shoal.core.plan.PlanNode;
import dev.shoal.core.plan.ProjectNode;
import dev.shoal.core.plan.SortKey;
import dev.shoal.core.plan.SortNode;
import dev.shoal.core.plan.TableScanNode;
import dev.shoal.core.plan.TopNNode;
import dev.shoal.core.plan.UnionNode;
import dev.shoal.core.plan.ValuesNode;
import dev.shoal.core.plan.WindowCall;
import dev.shoal.core.plan.WindowFrame;
import dev.shoal.core.plan.WindowFunction;
import dev.shoal.core.plan.WindowNode;
import dev.shoal.core.type.DataType;
import dev.shoal.core.type.TypeKind;
import dev.shoal.planner.Session;
import dev.shoal.planner.calcite.CatalogTable;
import dev.shoal.planner.calcite.SqlTypes;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelCollation;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.core.Sort;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.core.Union;
import org.apache.calcite.rel.core.Values;
import org.apache.calcite.rel.core.Window;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.rex.RexWindowBound;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeName;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Translates an optimized Calcite plan into Shoal's plan IR. */
public final class RelTranslator {
    private final RexTranslator rex;

    public RelTranslator(RexBuilder rexBuilder) {
        this(rexBuilder, Session.of(null, null));
    }

    public RelTranslator(RexBuilder rexBuilder, Session session) {
        this.rex = new RexTranslator(rexBuilder, session);
    }

    public PlanNode translate(RelNode rel) {
        if (rel instanceof TableScan scan) {
            CatalogTable table = scan.getTable().unwrap(CatalogTable.class);
            if (table == null) {
                throw RexTranslator.unsupported("scanning " + scan.getTable().getQualifiedName());
            }
            return new TableScanNode(table.definition().qualifiedName(), table.definition().columns(), List.of());
        }
        if (rel instanceof Filter filter) {
            return new FilterNode(translate(filter.getInput()), rex.translate(filter.getCondition()));
        }
        if (rel instanceof Project project) {
            List<Expr> projections = new ArrayList<>();
            for (RexNode node : project.getProjects()) {
                projections.add(rex.translate(node));
            }
            return new ProjectNode(translate(project.getInput()), projections);
        }
        if (rel instanceof Aggregate aggregate) {
            return aggregate(aggregate);
        }
        if (rel instanceof Sort sort) {
            return sort(sort);
        }
        if (rel instanceof Values values) {
            return values(values);
        }
        if (rel instanceof Join join) {
            return join(join);
        }
        if (rel instanceof Window window) {
            return window(window);
        }
        if (rel instanceof Union union && union.all) {
            List<DataType> types = union.getRowType().getFieldList().stream().map(field -> SqlTypes.toShoal(field.getType())).toList();
            return new UnionNode(union.getInputs().stream().map(input -> castTo(translate(input), types)).toList());
        }
        throw RexTranslator.unsupported(describe(rel));
    }

    private static String describe(RelNode rel) {
        String name = rel.getRelTypeName().replace("Logical", "").toUpperCase(Locale.ROOT);
        return switch (name) {
            case "JOIN", "CORRELATE" -> "JOIN";
            case "UNION", "INTERSECT", "MINUS" -> name.equals("MINUS") ? "EXCEPT" : name;
            case "WINDOW" -> "window functions (OVER)";
            default -> name;
        };
    }

    /**
     * Equality conditions between a left and a right column become hash keys (when both sides
     * hash a value alike: same storage, and same scale for decimals); the rest of the condition
     * is checked on each candidate pair.
     */
    private PlanNode join(Join join) {
        JoinType type = switch (join.getJoinType()) {
            case INNER -> JoinType.INNER;
            case LEFT -> JoinType.LEFT;
            case RIGHT -> JoinType.RIGHT;
            case FULL -> JoinType.FULL;
            case SEMI -> JoinType.SEMI;
            case ANTI -> JoinType.ANTI;
            default -> throw RexTranslator.unsupported(join.getJoinType() + " JOIN");
        };
        PlanNode left = translate(join.getLeft());
        PlanNode right = translate(join.getRight());
        int leftCount = join.getLeft().getRowType().getFieldCount();
        List<Integer> leftKeys = new ArrayList<>();
        List<Integer> rightKeys = new ArrayList<>();
        List<RexNode> residual = new ArrayList<>();
        // (a = b AND x) OR (a = b AND y) is a = b AND (x OR y): the equality becomes a hash key (TPC-H Q19).
        RexNode condition = RexUtil.pullFactors(join.getCluster().getRexBuilder(), join.getCondition());
        for (RexNode conjunct : RelOptUtil.conjunctions(condition)) {
            if (conjunct.isAlwaysTrue()) {
                continue;
            }
            // IS NOT DISTINCT FROM (from decorrelation) is a plain equality when one side cannot be NULL.
            boolean nullSafeEquality = conjunct.getKind() == SqlKind.IS_NOT_DISTINCT_FROM
                    && ((RexCall) conjunct).getOperands().stream().anyMatch(operand -> !operand.getType().isNullable());
            if (conjunct.getKind() == SqlKind.EQUALS || nullSafeEquality) {
                RexNode a = ((RexCall) conjunct).getOperands().get(0);
                RexNode b = ((RexCall) conjunct).getOperands().get(1);
                if (a instanceof RexInputRef ra && b instanceof RexInputRef rb) {
                    RexInputRef l = ra.getIndex() < rb.getIndex() ? ra : rb;
                    RexInputRef r = ra.getIndex() < rb.getIndex() ? rb : ra;
                    if (l.getIndex() < leftCount && r.getIndex() >= leftCount
                            && hashCompatible(SqlTypes.toShoal(l.getType()), SqlTypes.toShoal(r.getType()))) {
                        leftKeys.add(l.getIndex());
                        rightKeys.add(r.getIndex() - leftCount);
                        continue;
                    }
                }
            }
            residual.add(conjunct);
        }
        Expr filter = residual.isEmpty() ? null
                : rex.translate(RexUtil.composeConjunction(join.getCluster().getRexBuilder(), residual));
        return new JoinNode(left, right, type, leftKeys, rightKeys, filter, null);
    }

    private static boolean hashCompatible(DataType left, DataType right) {
        if (left.storage() != right.storage()) {
            return false;
        }
        boolean leftDecimal = left.kind() == TypeKind.DECIMAL;
        boolean rightDecimal = right.kind() == TypeKind.DECIMAL;
        return leftDecimal == rightDecimal ? !leftDecimal || left.scale() == right.scale()
                : (leftDecimal ? left.scale() : right.scale()) == 0;
    }

    private PlanNode aggregate(Aggregate aggregate) {
        if (aggregate.getGroupType() != Aggregate.Group.SIMPLE) {
            return GroupingSets.plan(aggregate, () -> translate(aggregate.getInput()), AggregateCalls::of);
        }
        List<AggregateCall> calls = aggregate.getAggCallList().stream().map(AggregateCalls::of).toList();
        return new AggregateNode(translate(aggregate.getInput()), aggregate.getGroupSet().asList(), calls);
    }


    /** Each group of a Calcite window (same partitioning, order and frame) becomes one WindowNode, stacked. */
    private PlanNode window(Window window) {
        PlanNode node = translate(window.getInput());
        int inputCount = window.getInput().getRowType().getFieldCount();
        List<RelDataTypeField> outputFields = window.getRowType().getFieldList();
        int output = inputCount;
        for (Window.Group group : window.groups) {
            List<SortKey> orderKeys = sortKeys(group.orderKeys);
            // RANGE offsets are measured in the single ORDER BY key's own units (unscaled decimals, days).
            DataType rangeKey = !group.isRows && orderKeys.size() == 1 ? node.outputTypes().get(orderKeys.get(0).field()) : null;
            WindowFrame frame = new WindowFrame(group.isRows, bound(group.lowerBound, window, group.isRows, rangeKey),
                    bound(group.upperBound, window, group.isRows, rangeKey));
            List<WindowCall> calls = new ArrayList<>();
            for (Window.RexWinAggCall call : group.aggCalls) {
                List<Expr> arguments = new ArrayList<>();
                for (RexNode operand : call.getOperands()) {
                    int index = ((RexInputRef) operand).getIndex();
                    arguments.add(index < inputCount ? new InputRef(index, SqlTypes.toShoal(operand.getType()))
                            : rex.translate(window.constants.get(index - inputCount)));
                }
                calls.add(new WindowCall(windowFunction(call), arguments, frame, SqlTypes.toShoal(outputFields.get(output++).getType())));
            }
            node = new WindowNode(node, group.keys.asList(), orderKeys, calls);
        }
        return node;
    }

    private static WindowFunction windowFunction(Window.RexWinAggCall call) {
        return switch (call.getOperator().getKind()) {
            case ROW_NUMBER -> WindowFunction.ROW_NUMBER;
            case RANK -> WindowFunction.RANK;
            case DENSE_RANK -> WindowFunction.DENSE_RANK;
            case PERCENT_RANK -> WindowFunction.PERCENT_RANK;
            case CUME_DIST -> WindowFunction.CUME_DIST;
            case NTILE -> WindowFunction.NTILE;
            case LAG -> WindowFunction.LAG;
            case LEAD -> WindowFunction.LEAD;
            case FIRST_VALUE -> WindowFunction.FIRST_VALUE;
            case LAST_VALUE -> WindowFunction.LAST_VALUE;
            case NTH_VALUE -> WindowFunction.NTH_VALUE;
            case COUNT -> call.getOperands().isEmpty() ? WindowFunction.COUNT_STAR : WindowFunction.COUNT;
            case SUM, SUM0 -> WindowFunction.SUM;
            case AVG -> WindowFunction.AVG;
            case MIN -> WindowFunction.MIN;
            case MAX -> WindowFunction.MAX;
            default -> throw RexTranslator.unsupported("window function " + call.getOperator().getName());
        };
    }

    private FrameBound bound(RexWindowBound bound, Window window, boolean rows, DataType rangeKey) {
        if (bound.isUnbounded()) {
            return FrameBound.of(bound.isPreceding() ? FrameBound.Kind.UNBOUNDED_PRECEDING : FrameBound.Kind.UNBOUNDED_FOLLOWING);
        }
        if (bound.isCurrentRow()) {
            return FrameBound.of(FrameBound.Kind.CURRENT_ROW);
        }
        RexNode offset = bound.getOffset();
        if (offset instanceof RexInputRef ref) {
            offset = window.constants.get(ref.getIndex() - window.getInput().getRowType().getFieldCount());
        }
        if (!(offset instanceof RexLiteral literal)) {
            throw RexTranslator.unsupported("a window frame offset that is not a constant");
        }
        long amount = rows ? literal.getValueAs(Long.class) : rangeOffset(literal, rangeKey);
        if (amount < 0) {
            throw new ShoalException(ErrorCode.INVALID_ARGUMENT, "a window frame offset must not be negative, got " + literal);
        }
        return new FrameBound(bound.isPreceding() ? FrameBound.Kind.PRECEDING : FrameBound.Kind.FOLLOWING, amount);
    }

    /** A RANGE offset in the ORDER BY key's units: an integer, an unscaled decimal, or whole days for a date. */
    private static long rangeOffset(RexLiteral literal, DataType key) {
        if (key == null) {
            throw RexTranslator.unsupported("a RANGE window frame with an offset and other than one ORDER BY key");
        }
        try {
            return switch (key.kind()) {
                case INTEGER, BIGINT -> literal.getValueAs(BigDecimal.class).longValueExact();
                case DECIMAL -> {
                    if (key.isWideDecimal()) {
                        throw RexTranslator.unsupported("a RANGE window frame with an offset over a decimal of more than 18 digits");
                    }
                    yield literal.getValueAs(BigDecimal.class).setScale(key.scale()).unscaledValue().longValueExact();
                }
                case DATE -> {
                    if (!SqlTypeName.DAY_INTERVAL_TYPES.contains(literal.getType().getSqlTypeName())) {
                        throw RexTranslator.unsupported("a RANGE offset over a DATE key other than an interval of days");
                    }
                    long millis = literal.getValueAs(Long.class);
                    if (millis % 86_400_000L != 0) {
                        throw RexTranslator.unsupported("a RANGE offset over a DATE key that is not whole days");
                    }
                    yield millis / 86_400_000L;
                }
                default -> throw RexTranslator.unsupported("a RANGE window frame with an offset over a " + key + " key");
            };
        } catch (ArithmeticException e) {
            throw RexTranslator.unsupported("a RANGE offset " + literal + " with more digits than the ORDER BY key's " + key);
        }
    }

    /**
     * An input of a UNION as the union's column types: Calcite leaves each branch its own (an
     * INTEGER literal beside a BIGINT column, an untyped NULL beside anything), where every batch
     * the union passes on must have one type per column.
     */
    private static PlanNode castTo(PlanNode input, List<DataType> types) {
        List<DataType> actual = input.outputTypes();
        if (actual.equals(types)) {
            return input;
        }
        List<Expr> projections = new ArrayList<>();
        for (int i = 0; i < types.size(); i++) {
            InputRef column = new InputRef(i, actual.get(i));
            projections.add(actual.get(i).equals(types.get(i)) ? column : new Call(Op.CAST, types.get(i), column));
        }
        return new ProjectNode(input, projections);
    }

    private static List<SortKey> sortKeys(RelCollation collation) {
        List<SortKey> keys = new ArrayList<>();
        for (RelFieldCollation field : collation.getFieldCollations()) {
            boolean ascending = !field.getDirection().isDescending();
            // Unspecified NULL order: NULLs last whatever the direction, as in Trino (and DuckDB).
            boolean nullsFirst = field.nullDirection == RelFieldCollation.NullDirection.FIRST;
            keys.add(new SortKey(field.getFieldIndex(), ascending, nullsFirst));
        }
        return keys;
    }

    private PlanNode sort(Sort sort) {
        PlanNode input = translate(sort.getInput());
        List<SortKey> keys = sortKeys(sort.getCollation());
        long offset = sort.offset == null ? 0 : longValue(sort.offset);
        long fetch = sort.fetch == null ? -1 : longValue(sort.fetch);
        if (keys.isEmpty()) {
            return offset == 0 && fetch < 0 ? input : new LimitNode(input, offset, fetch);
        }
        if (fetch < 0) {
            PlanNode sorted = new SortNode(input, keys);
            return offset == 0 ? sorted : new LimitNode(sorted, offset, -1);
        }
        PlanNode topN = new TopNNode(input, keys, offset + fetch);
        return offset == 0 ? topN : new LimitNode(topN, offset, fetch);
    }

    private static long longValue(RexNode node) {
        if (node instanceof RexLiteral literal) {
            return literal.getValueAs(Long.class);
        }
        throw RexTranslator.unsupported("LIMIT or OFFSET with a parameter");
    }

    /** A VALUES literal in the column's type: the literal's own type may be narrower (1.5 in a DECIMAL(11,2) column). */
    private static Object valueAs(RexLiteral literal, DataType type) {
        if (literal.isNull()) {
            return null;
        }
        return switch (type.kind()) {
            case DECIMAL -> RexTranslator.unscaled(literal.getValueAs(BigDecimal.class), type);
            case DOUBLE -> literal.getValueAs(BigDecimal.class).doubleValue();
            case INTEGER, BIGINT -> literal.getValueAs(BigDecimal.class).longValueExact();
            default -> RexTranslator.literal(literal).value();
        };
    }

    private static PlanNode values(Values values) {
        List<DataType> types = new ArrayList<>();
        for (RelDataTypeField field : values.getRowType().getFieldList()) {
            types.add(SqlTypes.toShoal(field.getType()));
        }
        List<List<Object>> rows = new ArrayList<>();
        for (List<RexLiteral> tuple : values.getTuples()) {
            List<Object> row = new ArrayList<>();
            for (int i = 0; i < tuple.size(); i++) {
                row.add(valueAs(tuple.get(i), types.get(i)));
            }
            rows.add(row);
        }
        return new ValuesNode(types, rows);
    }
}
