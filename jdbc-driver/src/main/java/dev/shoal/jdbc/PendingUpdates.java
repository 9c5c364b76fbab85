package dev.shoal.jdbc;

import org.apache.calcite.avatica.AvaticaStatement;

import java.sql.SQLException;

/**
 * A write (CREATE TABLE AS, INSERT) that outlasts execute's answer: the coordinator answers with
 * {@link #PENDING} as the update count after a bounded wait, and the driver asks for the count until
 * the write ends, each call also answered within that wait. A cancel or query timeout meanwhile
 * stops the write on the coordinator, and the next answer is its error.
 */
final class PendingUpdates {
    /** The coordinator's update count for a write that still runs (its AsyncWrites.PENDING). */
    static final long PENDING = Long.MAX_VALUE;

    private PendingUpdates() {
    }

    /** {@code count}, or, when it is {@link #PENDING}, the write's count once it ends. */
    static long resolve(AvaticaStatement statement, long count) throws SQLException {
        long answer = count;
        while (answer == PENDING) {
            answer = CoordinatorEndpoint.updateCount(statement);
        }
        return answer;
    }
}
