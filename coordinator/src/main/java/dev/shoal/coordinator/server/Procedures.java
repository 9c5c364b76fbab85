package dev.shoal.coordinator.server;

import dev.shoal.coordinator.auth.Authenticator;
import dev.shoal.coordinator.ddl.CommandResult;
import dev.shoal.coordinator.lifecycle.QueryTracker;
import dev.shoal.coordinator.lifecycle.TrackedQuery;
import dev.shoal.core.error.ErrorCode;
import dev.shoal.core.error.ShoalException;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCharStringLiteral;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code CALL}: Trino's {@code system.runtime.kill_query(query_id, message)}, its arguments by
 * position or by name ({@code query_id => '...'}). A user kills their own queries; an admin anyone's.
 */
final class Procedures {
    private static final List<String> KILL_QUERY = List.of("system", "runtime", "kill_query");
    private static final List<String> KILL_QUERY_ARGUMENTS = List.of("query_id", "message");

    private final QueryTracker tracker;
    private final Authenticator authenticator;

    Procedures(QueryTracker tracker, Authenticator authenticator) {
        this.tracker = tracker;
        this.authenticator = authenticator;
    }

    static boolean handles(SqlNode statement) {
        return statement.getKind() == SqlKind.PROCEDURE_CALL;
    }

    CommandResult call(SqlNode statement, TrackedQuery caller) {
        SqlBasicCall routine = (SqlBasicCall) ((SqlBasicCall) statement).operand(0);
        List<String> name = routine.getOperator() instanceof SqlFunction function && function.getSqlIdentifier() != null
                ? function.getSqlIdentifier().names.stream().map(n -> n.toLowerCase(Locale.ROOT)).toList()
                : List.of(routine.getOperator().getName().toLowerCase(Locale.ROOT));
        boolean killQuery = name.equals(KILL_QUERY) || name.equals(KILL_QUERY.subList(1, 3)) || name.equals(KILL_QUERY.subList(2, 3));
        if (!killQuery) {
            throw new ShoalException(ErrorCode.NOT_SUPPORTED, "procedure " + String.join(".", name)
                    + " does not exist; Shoal has system.runtime.kill_query(query_id, message)");
        }
        Map<String, String> arguments = arguments(routine);
        String queryId = arguments.get("query_id");
        if (queryId == null) {
            throw new ShoalException(ErrorCode.INVALID_ARGUMENT, "kill_query wants a query_id, as in "
                    + "CALL system.runtime.kill_query(query_id => '20261201_120000_00001_abcde', message => 'why')");
        }
        tracker.running(queryId).ifPresent(target -> {
            if (!target.user().equals(caller.user()) && !authenticator.isAdmin(caller.user())) {
                throw new ShoalException(ErrorCode.PERMISSION_DENIED, "query " + queryId + " is " + target.user()
                        + "'s: a user kills only their own queries, an admin (--admin-user) anyone's");
            }
        });
        tracker.kill(queryId, arguments.get("message"));
        return CommandResult.done();
    }

    private static Map<String, String> arguments(SqlBasicCall routine) {
        Map<String, String> values = new HashMap<>();
        List<SqlNode> operands = routine.getOperandList();
        if (operands.size() > KILL_QUERY_ARGUMENTS.size()) {
            throw new ShoalException(ErrorCode.INVALID_ARGUMENT, "kill_query takes query_id and message, got " + operands.size()
                    + " arguments");
        }
        for (int i = 0; i < operands.size(); i++) {
            SqlNode operand = operands.get(i);
            String argument = KILL_QUERY_ARGUMENTS.get(i);
            if (operand.getKind() == SqlKind.ARGUMENT_ASSIGNMENT) {
                SqlBasicCall assignment = (SqlBasicCall) operand;
                argument = ((SqlIdentifier) assignment.operand(1)).getSimple().toLowerCase(Locale.ROOT);
                operand = assignment.operand(0);
                if (!KILL_QUERY_ARGUMENTS.contains(argument)) {
                    throw new ShoalException(ErrorCode.INVALID_ARGUMENT, "kill_query has no argument " + argument
                            + " (query_id, message)");
                }
            }
            if (!(operand instanceof SqlCharStringLiteral text)) {
                throw new ShoalException(ErrorCode.INVALID_ARGUMENT, "kill_query's " + argument + " is a string, got " + operand);
            }
            values.put(argument, text.getValueAs(String.class));
        }
        return values;
    }
}
