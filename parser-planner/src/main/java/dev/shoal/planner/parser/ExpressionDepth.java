package dev.shoal.planner.parser;

import dev.shoal.core.error.ErrorCode;
import dev.shoal.core.error.ShoalException;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Refuses a statement whose calls nest deeper than {@link #MAX_DEPTH} (as DuckDB's
 * max_expression_depth does): each layer of the engine walks expressions recursively (Calcite's
 * validator and converter, the plan's JSON, the workers' expression compiler), so a deeper one
 * would overflow a stack somewhere, at a place that depends on the JIT's state. A long chain of
 * ANDs or +s nests as deep as it is long; an IN list does not nest.
 */
public final class ExpressionDepth {
    public static final int MAX_DEPTH = 500;

    private record Node(SqlNode node, int depth) {
    }

    private ExpressionDepth() {
    }

    /** Walks the tree without recursion, so that measuring cannot overflow either. */
    public static void check(SqlNode statement) {
        Deque<Node> pending = new ArrayDeque<>();
        pending.push(new Node(statement, 1));
        while (!pending.isEmpty()) {
            Node next = pending.pop();
            if (next.depth() > MAX_DEPTH) {
                throw new ShoalException(ErrorCode.STATEMENT_TOO_COMPLEX, "the statement is nested too deeply: expressions, "
                        + "subqueries or parentheses more than " + MAX_DEPTH + " deep (a chain of AND, OR or + nests as deep as it "
                        + "is long; an IN list does not); simplify it or split it");
            }
            if (next.node() instanceof SqlNodeList list) {
                for (SqlNode item : list) {
                    if (item != null) {
                        pending.push(new Node(item, next.depth()));
                    }
                }
            } else if (next.node() instanceof SqlCall call) {
                for (SqlNode operand : call.getOperandList()) {
                    if (operand != null) {
                        pending.push(new Node(operand, next.depth() + 1));
                    }
                }
            }
        }
    }
}
