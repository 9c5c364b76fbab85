package dev.shoal.core.plan;

import dev.shoal.core.type.DataType;

import java.util.ArrayList;
import java.util.List;

/**
 * Groups by the key columns and computes the aggregates; output is keys, then aggregates (for a
 * PARTIAL step: keys, then each call's intermediate columns).
 */
public record AggregateNode(PlanNode input, List<Integer> groupKeys, List<AggregateCall> aggregates, AggregateStep step)
        implements PlanNode {
    public AggregateNode {
        groupKeys = List.copyOf(groupKeys);
        aggregates = List.copyOf(aggregates);
    }

    public AggregateNode(PlanNode input, List<Integer> groupKeys, List<AggregateCall> aggregates) {
        this(input, groupKeys, aggregates, AggregateStep.SINGLE);
    }

    @Override
    public List<DataType> outputTypes() {
        List<DataType> inputTypes = input.outputTypes();
        List<DataType> types = new ArrayList<>();
        for (int key : groupKeys) {
            types.add(inputTypes.get(key));
        }
        for (AggregateCall call : aggregates) {
            if (step == AggregateStep.PARTIAL) {
                types.addAll(call.intermediateTypes(call.arguments().isEmpty() ? null : inputTypes.get(call.arguments().get(0))));
            } else {
                types.add(call.type());
            }
        }
        return types;
    }

    @Override
    public List<PlanNode> inputs() {
        return List.of(input);
    }

    @Override
    public <R, C> R accept(PlanVisitor<R, C> visitor, C context) {
        return visitor.visitAggregate(this, context);
    }

    @Override
    public PlanNode withInputs(List<PlanNode> newInputs) {
        return new AggregateNode(newInputs.get(0), groupKeys, aggregates, step);
    }
}
