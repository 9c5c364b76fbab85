package dev.shoal.exec.operator;

import dev.shoal.core.batch.Batch;
import dev.shoal.core.plan.JoinNode;
import dev.shoal.exec.join.HashBuildOperator;
import dev.shoal.exec.join.HashJoinOperator;
import dev.shoal.exec.join.JoinBridge;
import dev.shoal.exec.memory.OperatorMemory;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Test harness: one push operator driven over given input batches, its output pulled batch by
 * batch, as a one-operator driver would move them.
 */
public final class Pulled implements AutoCloseable {
    private final Operator operator;
    private final Iterator<Batch> input;
    private boolean finished;

    public Pulled(Operator operator, List<Batch> input) {
        this.operator = operator;
        this.input = input.iterator();
    }

    public static Pulled of(Operator operator, Batch... input) {
        return new Pulled(operator, List.of(input));
    }

    /** A hash join with one build and one probe driver: the build rows go in first. */
    public static Pulled join(JoinNode node, List<Batch> probe, List<Batch> build, OperatorMemory memory) {
        return join(node, null, probe, build, memory);
    }

    /** A join that outputs only {@code outputColumns} (null: all). */
    public static Pulled join(JoinNode node, int[] outputColumns, List<Batch> probe, List<Batch> build, OperatorMemory memory) {
        JoinBridge bridge = new JoinBridge(node, 1, 1, null, memory);
        HashBuildOperator builder = new HashBuildOperator(bridge, 0);
        build.forEach(builder::addInput);
        builder.finish();
        return new Pulled(new HashJoinOperator(bridge, outputColumns), probe);
    }

    /** The next output batch, or null once the operator is finished. */
    public Batch next() {
        while (!operator.isFinished()) {
            operator.isBlocked().join();
            Batch out = operator.getOutput();
            if (out != null) {
                if (out.rowCount() > 0) {
                    return out;
                }
                continue;
            }
            if (input.hasNext() && operator.needsInput()) {
                operator.addInput(input.next());
            } else if (!input.hasNext() && !finished) {
                finished = true;
                operator.finish();
            }
        }
        return null;
    }

    /** Every remaining output batch. */
    public List<Batch> drain() {
        List<Batch> out = new ArrayList<>();
        for (Batch batch = next(); batch != null; batch = next()) {
            out.add(batch);
        }
        return out;
    }

    @Override
    public void close() {
        operator.close();
    }
}
