package dev.shoal.planner.calcite;

import dev.shoal.planner.PlanningInterrupt;
import org.apache.calcite.plan.hep.HepPlanner;
import org.apache.calcite.plan.hep.HepProgram;

/** Calcite's rule engine, which checks the statement's {@link PlanningInterrupt} before it fires each rule. */
public final class InterruptibleHepPlanner extends HepPlanner {
    private final PlanningInterrupt interrupt;

    public InterruptibleHepPlanner(HepProgram program, PlanningInterrupt interrupt) {
        super(program);
        this.interrupt = interrupt;
    }

    @Override
    public void checkCancel() {
        interrupt.check();
        super.checkCancel();
    }
}
