package dev.shoal.planner.translate;

import dev.shoal.core.expr.Call;
import dev.shoal.core.expr.Expr;
import dev.shoal.core.expr.InputRef;
import dev.shoal.core.expr.Literal;
import dev.shoal.core.expr.Op;
import dev.shoal.core.plan.AggregateCall;
import dev.shoal.core.plan.AggregateFunction;
import dev.shoal.core.plan.AggregateNode;
import dev.shoal.core.plan.JoinNode;
import dev.shoal.core.plan.JoinType;
import dev.shoal.core.plan.PlanNode;
import dev.shoal.core.plan.ProjectNode;
import dev.shoal.core.plan.UnionNode;
import dev.shoal.core.plan.ValuesNode;
import dev.shoal.core.type.DataType;
import dev.shoal.core.type.TypeKind;
import dev.shoal.planner.calcite.SqlTypes;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.util.ImmutableBitSet;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * GROUPING SETS, ROLLUP and CUBE in Shoal's IR. When the aggregates roll up (COUNT, SUM, MIN, MAX,
 * AVG as a sum and a count) all sets are computed from one pass over the input: an aggregation by every key of every set,
 * whose rows are then repeated once per grouping set (a cross join with the set ids), the keys a
 * set does not group by masked to NULL, and aggregated again by (keys, set id). The input (TPC-DS
 * q22's 11.7 million inventory rows, q14's three channels) is read once instead of once per set,
 * as Trino's GroupId does. Other aggregates (DISTINCT, variance) get one aggregation per set over
 * the same input, padded with NULL for the keys it does not group by and with its GROUPING() bits
 * as constants, then a UNION ALL, which reads the input once per set.
 */
final class GroupingSets {
    private static final Set<AggregateFunction> ROLLS_UP = EnumSet.of(AggregateFunction.COUNT_STAR, AggregateFunction.COUNT,
            AggregateFunction.SUM, AggregateFunction.MIN, AggregateFunction.MAX, AggregateFunction.AVG);

    private GroupingSets() {
    }

    /** The plan of a grouping-sets aggregation whose input {@code input} translates. */
    static PlanNode plan(Aggregate aggregate, Supplier<PlanNode> input, Function<org.apache.calcite.rel.core.AggregateCall, AggregateCall> translateCall) {
        if (aggregate.getAggCallList().stream().anyMatch(call -> call.getAggregation().getKind() == SqlKind.GROUP_ID)) {
            throw RexTranslator.unsupported("GROUP_ID()");
        }
        // The calls without GROUPING(), translated once for whichever strategy is taken.
        List<AggregateCall> calls = aggregate.getAggCallList().stream().filter(call -> !isGrouping(call)).map(translateCall).toList();
        boolean rollsUp = calls.stream().allMatch(call -> !call.distinct() && ROLLS_UP.contains(call.function()));
        return rollsUp ? rolledUp(aggregate, input.get(), calls) : perSet(aggregate, input, calls);
    }

    /** One aggregation per set, then a UNION ALL. */
    private static PlanNode perSet(Aggregate aggregate, Supplier<PlanNode> input, List<AggregateCall> calls) {
        List<Integer> allKeys = aggregate.getGroupSet().asList();
        List<DataType> inputTypes = aggregate.getInput().getRowType().getFieldList().stream()
                .map(field -> SqlTypes.toShoal(field.getType())).toList();
        List<PlanNode> branches = new ArrayList<>();
        for (ImmutableBitSet set : aggregate.getGroupSets()) {
            List<Integer> keys = set.asList();
            AggregateNode node = new AggregateNode(input.get(), keys, calls);
            List<DataType> nodeTypes = node.outputTypes();
            List<Expr> projections = new ArrayList<>();
            for (int key : allKeys) {
                int at = keys.indexOf(key);
                projections.add(at >= 0 ? new InputRef(at, nodeTypes.get(at)) : new Literal(null, inputTypes.get(key)));
            }
            int next = keys.size();
            for (org.apache.calcite.rel.core.AggregateCall call : aggregate.getAggCallList()) {
                if (isGrouping(call)) {
                    long bits = 0;
                    for (int argument : call.getArgList()) {
                        bits = (bits << 1) | (set.get(argument) ? 0 : 1);
                    }
                    projections.add(Literal.ofLong(bits, SqlTypes.toShoal(call.getType())));
                } else {
                    projections.add(new InputRef(next, nodeTypes.get(next)));
                    next++;
                }
            }
            branches.add(new ProjectNode(node, projections));
        }
        return branches.size() == 1 ? branches.get(0) : new UnionNode(branches);
    }

    /** All sets from one aggregation by all keys, repeated per set and aggregated again. */
    private static PlanNode rolledUp(Aggregate aggregate, PlanNode input, List<AggregateCall> calls) {
        List<Integer> allKeys = aggregate.getGroupSet().asList();
        List<ImmutableBitSet> sets = aggregate.getGroupSets();
        List<DataType> inputTypes = input.outputTypes();
        // 1. One aggregation by all keys; AVG is carried as its sum and its count.
        List<AggregateCall> baseCalls = new ArrayList<>();
        for (AggregateCall call : calls) {
            if (call.function() == AggregateFunction.AVG) {
                int argument = call.arguments().get(0);
                baseCalls.add(new AggregateCall(AggregateFunction.SUM, call.arguments(), false,
                        AggregateCall.sumType(inputTypes.get(argument)), call.filter()));
                baseCalls.add(new AggregateCall(AggregateFunction.COUNT, call.arguments(), false, DataType.BIGINT, call.filter()));
            } else {
                baseCalls.add(call);
            }
        }
        AggregateNode base = new AggregateNode(input, allKeys, baseCalls);
        int keyCount = allKeys.size();
        int baseWidth = keyCount + baseCalls.size();
        List<DataType> baseTypes = base.outputTypes();

        // 2. Each row once per grouping set, with the set id last.
        List<List<Object>> ids = new ArrayList<>();
        for (int set = 0; set < sets.size(); set++) {
            ids.add(List.of((long) set));
        }
        JoinNode repeated = new JoinNode(base, new ValuesNode(List.of(DataType.INTEGER), ids), JoinType.INNER, List.of(), List.of(),
                null, null);
        InputRef setId = new InputRef(baseWidth, DataType.INTEGER);
        List<Expr> masked = new ArrayList<>();
        for (int k = 0; k < keyCount; k++) {
            List<Expr> inSets = new ArrayList<>(List.of(setId));
            for (int set = 0; set < sets.size(); set++) {
                if (sets.get(set).get(allKeys.get(k))) {
                    inSets.add(Literal.ofLong(set, DataType.INTEGER));
                }
            }
            InputRef key = new InputRef(k, baseTypes.get(k));
            masked.add(inSets.size() - 1 == sets.size() ? key
                    : new Call(Op.CASE, baseTypes.get(k), new Call(Op.IN, inSets, DataType.BOOLEAN), key, new Literal(null, baseTypes.get(k))));
        }
        for (int c = keyCount; c < baseWidth; c++) {
            masked.add(new InputRef(c, baseTypes.get(c)));
        }
        masked.add(setId);
        ProjectNode maskedRows = new ProjectNode(repeated, masked);

        // 3. Aggregated again by (keys, set id): sums of sums and counts, extremes of extremes.
        List<Integer> rollupKeys = new ArrayList<>();
        for (int k = 0; k <= keyCount; k++) {
            rollupKeys.add(k == keyCount ? baseWidth : k);
        }
        List<AggregateCall> rollupCalls = new ArrayList<>();
        for (int c = 0; c < baseCalls.size(); c++) {
            AggregateCall call = baseCalls.get(c);
            AggregateFunction function = call.function() == AggregateFunction.MIN || call.function() == AggregateFunction.MAX
                    ? call.function() : AggregateFunction.SUM;
            rollupCalls.add(new AggregateCall(function, List.of(keyCount + c), false, call.type()));
        }
        AggregateNode rolled = new AggregateNode(maskedRows, rollupKeys, rollupCalls);
        List<DataType> rolledTypes = rolled.outputTypes();

        // 4. Calcite's columns: keys, then each call's value (GROUPING() from the set id).
        List<Expr> output = new ArrayList<>();
        for (int k = 0; k < keyCount; k++) {
            output.add(new InputRef(k, rolledTypes.get(k)));
        }
        InputRef rolledSetId = new InputRef(keyCount, DataType.INTEGER);
        int next = keyCount + 1;
        int translated = 0;
        for (org.apache.calcite.rel.core.AggregateCall call : aggregate.getAggCallList()) {
            if (isGrouping(call)) {
                output.add(groupingBits(call, sets, rolledSetId));
                continue;
            }
            AggregateCall original = calls.get(translated++);
            InputRef value = new InputRef(next, rolledTypes.get(next));
            switch (original.function()) {
                case COUNT_STAR, COUNT -> output.add(new Call(Op.COALESCE, DataType.BIGINT, value, Literal.ofLong(0, DataType.BIGINT)));
                case AVG -> {
                    InputRef count = new InputRef(next + 1, DataType.BIGINT);
                    output.add(average(value, count, original.type()));
                    next++;
                }
                default -> output.add(value);
            }
            next++;
        }
        return new ProjectNode(rolled, output);
    }

    /** sum / count, NULL without values: exact and rounded half up for decimals, as the AVG accumulator divides. */
    private static Expr average(InputRef sum, InputRef count, DataType type) {
        Expr quotient;
        if (type.kind() == TypeKind.DECIMAL) {
            DataType exact = DataType.decimal(DataType.MAX_DECIMAL_PRECISION, type.scale());
            quotient = new Call(Op.DIVIDE, exact, sum, count);
            if (!exact.equals(type)) {
                quotient = new Call(Op.CAST, type, quotient);
            }
        } else {
            quotient = new Call(Op.DIVIDE, type, new Call(Op.CAST, type, sum), new Call(Op.CAST, type, count));
        }
        Expr hasValues = new Call(Op.GREATER_THAN, DataType.BOOLEAN, count, Literal.ofLong(0, DataType.BIGINT));
        return new Call(Op.CASE, type, hasValues, quotient, new Literal(null, type));
    }

    /** GROUPING(a, b, ...) of the row's set: a bit per argument, 1 where the set does not group by it. */
    private static Expr groupingBits(org.apache.calcite.rel.core.AggregateCall call, List<ImmutableBitSet> sets, InputRef setId) {
        DataType type = SqlTypes.toShoal(call.getType());
        List<Expr> branches = new ArrayList<>();
        for (int set = 0; set < sets.size(); set++) {
            long bits = 0;
            for (int argument : call.getArgList()) {
                bits = (bits << 1) | (sets.get(set).get(argument) ? 0 : 1);
            }
            branches.add(new Call(Op.EQUAL, DataType.BOOLEAN, setId, Literal.ofLong(set, DataType.INTEGER)));
            branches.add(Literal.ofLong(bits, type));
        }
        branches.add(new Literal(null, type));
        return new Call(Op.CASE, branches, type);
    }

    static boolean isGrouping(org.apache.calcite.rel.core.AggregateCall call) {
        SqlKind kind = call.getAggregation().getKind();
        return kind == SqlKind.GROUPING || kind == SqlKind.GROUPING_ID;
    }
}
