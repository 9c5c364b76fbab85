package dev.shoal.core.plan;

/**
 * The rows a window aggregate sees for each row: ROWS counts rows; RANGE counts peer groups (rows
 * equal on the ORDER BY keys), so CURRENT ROW includes the row's peers, and its offsets measure the
 * single ORDER BY key's value in that key's units (integers, unscaled decimals, days).
 */
public record WindowFrame(boolean rows, FrameBound lower, FrameBound upper) {
}
