package dev.shoal.core.plan;

/** Join variants. SEMI and ANTI output only the left (probe) side's columns. */
public enum JoinType {
    INNER, LEFT, RIGHT, FULL, SEMI, ANTI;

    public boolean outputsRight() {
        return this != SEMI && this != ANTI;
    }

    /** Left rows without a match still produce a row. */
    public boolean keepsUnmatchedLeft() {
        return this == LEFT || this == FULL;
    }

    /** Right rows without a match still produce a row. */
    public boolean keepsUnmatchedRight() {
        return this == RIGHT || this == FULL;
    }
}
