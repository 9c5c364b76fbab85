package dev.shoal.coordinator.server;

import dev.shoal.coordinator.ddl.DdlExecutor;
import dev.shoal.planner.calcite.InformationSchema;
import dev.shoal.planner.calcite.SystemSchema;
import dev.shoal.planner.parser.SqlExplainStatement;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlJoin;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.util.SqlBasicVisitor;

import java.util.Locale;
import java.util.Set;

/**
 * Which statements wait for one of the coordinator's running-query slots: queries and writes.
 * Statements that change or show the session or the catalog never do, nor do queries that read
 * only the coordinator's own tables ({@code system.*}, {@code information_schema.*}): while the
 * queue is full, system.runtime.queries still shows it and kill_query still runs.
 */
final class Slots {
    private static final Set<String> COORDINATOR_SCHEMAS = Set.of(SystemSchema.NAME, InformationSchema.NAME);

    private Slots() {
    }

    static boolean takesSlot(SqlNode parsed) {
        if (parsed instanceof SqlExplainStatement explain) {
            return explain.analyze() && takesSlot(explain.statement());
        }
        if (StatementRunner.isCommand(parsed)) {
            return DdlExecutor.analyzable(parsed);
        }
        return !readsOnlyCoordinatorTables(parsed);
    }

    /** Whether every table in the query's FROM clauses (subqueries included) is the coordinator's; a WITH name counts as a table. */
    static boolean readsOnlyCoordinatorTables(SqlNode query) {
        TableNames names = new TableNames();
        query.accept(names);
        return names.coordinatorOnly;
    }

    private static final class TableNames extends SqlBasicVisitor<Void> {
        private boolean coordinatorOnly = true;

        @Override
        public Void visit(SqlCall call) {
            if (call instanceof SqlSelect select && select.getFrom() != null) {
                from(select.getFrom());
            }
            return super.visit(call);
        }

        private void from(SqlNode node) {
            if (node instanceof SqlIdentifier table) {
                coordinatorOnly &= table.names.size() > 1 && COORDINATOR_SCHEMAS.contains(table.names.get(0).toLowerCase(Locale.ROOT));
            } else if (node instanceof SqlJoin join) {
                from(join.getLeft());
                from(join.getRight());
            } else if (node instanceof SqlBasicCall call && call.getKind() == SqlKind.AS) {
                from(call.operand(0));
            }
        }
    }
}
