package dev.shoal.core.plan;

/**
 * One column checked by a {@link DynamicFilterNode}: its values must be among the values of build
 * key {@code keyIndex} of the join that publishes dynamic filter {@code filterId}.
 */
public record DynamicFilterTarget(int filterId, int keyIndex, int column) {
}
