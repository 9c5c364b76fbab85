package dev.shoal.planner;

/**
 * Asked while a statement is planned whether planning may go on: between phases and before every
 * rewrite rule fires. It throws the reason to stop (the client's cancel, kill_query, the query's
 * time limit), so that a statement that is slow to plan does not hold a coordinator core after it
 * was given up.
 */
@FunctionalInterface
public interface PlanningInterrupt {
    /** Nothing stops planning (a prepare, a test). */
    PlanningInterrupt NONE = () -> {
    };

    /** Returns when planning may go on; otherwise throws why it must stop. */
    void check();
}
