package dev.shoal.planner.distribute;

import dev.shoal.core.plan.ExchangeKind;
import dev.shoal.core.plan.PlanNode;

import java.util.List;

/**
 * A piece of a distributed plan that runs as a set of identical tasks: its tree (exchanges below
 * replaced by remote sources), where its tasks run, how its output is exchanged to its consumer
 * ({@code outputKind}, {@code outputKeys}), and the fragments it reads.
 */
public record Fragment(int id, PlanNode root, FragmentPartitioning partitioning, ExchangeKind outputKind,
                       List<Integer> outputKeys, long estimatedOutputRows, List<Integer> sourceFragmentIds) {
    public Fragment {
        outputKeys = List.copyOf(outputKeys);
        sourceFragmentIds = List.copyOf(sourceFragmentIds);
    }

    public Fragment withRoot(PlanNode newRoot) {
        return new Fragment(id, newRoot, partitioning, outputKind, outputKeys, estimatedOutputRows, sourceFragmentIds);
    }
}
