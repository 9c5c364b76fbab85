package dev.shoal.exec.operator;

import dev.shoal.core.batch.Batch;

import java.util.List;

/** UNION ALL: every batch of the first input, then of the second, and so on. */
public final class UnionOperator implements Operator {
    private final List<Operator> inputs;
    private int current;

    public UnionOperator(List<Operator> inputs) {
        this.inputs = List.copyOf(inputs);
    }

    @Override
    public Batch next() {
        while (current < inputs.size()) {
            Batch batch = inputs.get(current).next();
            if (batch != null) {
                return batch;
            }
            inputs.get(current).close();
            current++;
        }
        return null;
    }

    @Override
    public void close() {
        inputs.forEach(Operator::close);
    }
}
