package dev.shoal.core.plan;

/** The unit of work a coordinator hands to a worker: a plan tree with its splits assigned. */
public record PlanFragment(String queryId, int fragmentId, PlanNode root) {
}
