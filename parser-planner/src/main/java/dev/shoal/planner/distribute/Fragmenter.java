package dev.shoal.planner.distribute;

import dev.shoal.core.plan.ExchangeKind;
import dev.shoal.core.plan.ExchangeNode;
import dev.shoal.core.plan.PlanNode;
import dev.shoal.core.plan.RemoteSourceNode;
import dev.shoal.core.plan.TableScanNode;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Cuts a distributed plan at its exchanges: the part above an exchange reads a
 * {@link RemoteSourceNode}, the part below becomes a fragment of its own. Fragment 0 is the root,
 * run on the coordinator; the others are numbered top-down.
 */
public final class Fragmenter {
    private final List<Fragment> fragments = new ArrayList<>();
    private int nextId;

    private Fragmenter() {
    }

    /** The fragments of the plan, ordered by id (the root first). */
    public static List<Fragment> fragment(PlanNode root) {
        Fragmenter fragmenter = new Fragmenter();
        fragmenter.cut(root, true, ExchangeKind.GATHER, List.of(), 0);
        fragmenter.fragments.sort(Comparator.comparingInt(Fragment::id));
        return List.copyOf(fragmenter.fragments);
    }

    private int cut(PlanNode root, boolean isRoot, ExchangeKind outputKind, List<Integer> outputKeys, long estimatedRows) {
        int id = nextId++;
        List<Integer> sources = new ArrayList<>();
        PlanNode tree = replaceExchanges(root, sources);
        FragmentPartitioning partitioning = isRoot ? FragmentPartitioning.COORDINATOR : partitioningOf(tree);
        fragments.add(new Fragment(id, tree, partitioning, outputKind, outputKeys, estimatedRows, sources));
        return id;
    }

    private PlanNode replaceExchanges(PlanNode node, List<Integer> sources) {
        if (node instanceof ExchangeNode exchange) {
            int source = cut(exchange.input(), false, exchange.kind(), exchange.keys(), exchange.estimatedRows());
            sources.add(source);
            return new RemoteSourceNode(source, exchange.kind(), exchange.outputTypes());
        }
        if (node.inputs().isEmpty()) {
            return node;
        }
        List<PlanNode> inputs = new ArrayList<>();
        for (PlanNode input : node.inputs()) {
            inputs.add(replaceExchanges(input, sources));
        }
        return node.withInputs(inputs);
    }

    /** Scans spread over all workers; so do hash-partitioned inputs; anything else is one task. */
    private static FragmentPartitioning partitioningOf(PlanNode tree) {
        if (contains(tree, TableScanNode.class)) {
            return FragmentPartitioning.SOURCE;
        }
        if (hasRemoteSource(tree, ExchangeKind.HASH) || hasRemoteSource(tree, ExchangeKind.ROUND_ROBIN)) {
            return FragmentPartitioning.HASH;
        }
        return FragmentPartitioning.SINGLE;
    }

    private static boolean contains(PlanNode node, Class<? extends PlanNode> type) {
        return type.isInstance(node) || node.inputs().stream().anyMatch(input -> contains(input, type));
    }

    private static boolean hasRemoteSource(PlanNode node, ExchangeKind kind) {
        if (node instanceof RemoteSourceNode remote) {
            return remote.kind() == kind;
        }
        return node.inputs().stream().anyMatch(input -> hasRemoteSource(input, kind));
    }
}
