package dev.shoal.tests.oracle;

import dev.shoal.core.error.ShoalException;
import dev.shoal.planner.parser.ShoalParser;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlNumericLiteral;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlWith;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which result columns a query's outermost ORDER BY sorts by, when each key is an output column
 * (by position, alias, or the same expression as a select item): rows equal on those columns are
 * tied, and either engine may return them in either order. Empty when a key is not an output
 * column, or the query has no ORDER BY.
 */
public final class OrderKeys {
    /** The key columns, and whether a LIMIT may have cut the last run of tied rows short. */
    public record Keys(List<Integer> columns, boolean limited) {
    }

    private OrderKeys() {
    }

    public static Optional<Keys> of(String sql) {
        SqlNode query;
        try {
            query = ShoalParser.parseQuery(sql);
        } catch (ShoalException e) {
            return Optional.empty();
        }
        if (query instanceof SqlWith with) {
            query = with.body;
        }
        if (!(query instanceof SqlOrderBy orderBy)) {
            return Optional.empty();
        }
        SqlSelect select = firstSelect(orderBy.query);
        if (select == null) {
            return Optional.empty();
        }
        List<Integer> keys = new ArrayList<>();
        for (SqlNode item : orderBy.orderList) {
            int column = column(stripDirection(item), select.getSelectList());
            if (column < 0) {
                return Optional.empty();
            }
            keys.add(column);
        }
        return Optional.of(new Keys(List.copyOf(keys), orderBy.fetch != null));
    }

    private static SqlSelect firstSelect(SqlNode node) {
        if (node instanceof SqlSelect select) {
            return select;
        }
        if (node instanceof SqlWith with) {
            return firstSelect(with.body);
        }
        if (node instanceof SqlBasicCall call && call.getOperator().getKind().belongsTo(SqlKind.SET_QUERY)) {
            return firstSelect(call.operand(0));
        }
        return null;
    }

    private static SqlNode stripDirection(SqlNode item) {
        while (item instanceof SqlCall call && (call.getKind() == SqlKind.DESCENDING || call.getKind() == SqlKind.NULLS_FIRST
                || call.getKind() == SqlKind.NULLS_LAST)) {
            item = call.operand(0);
        }
        return item;
    }

    private static int column(SqlNode key, SqlNodeList selectList) {
        if (key instanceof SqlNumericLiteral number) {
            int position = number.intValue(true) - 1;
            return position >= 0 && position < selectList.size() ? position : -1;
        }
        for (int i = 0; i < selectList.size(); i++) {
            SqlNode item = selectList.get(i);
            if (item instanceof SqlIdentifier star && star.isStar()) {
                return -1;
            }
            SqlNode expression = item;
            String alias = null;
            if (item.getKind() == SqlKind.AS) {
                expression = ((SqlCall) item).operand(0);
                alias = ((SqlCall) item).operand(1).toString();
            } else if (item instanceof SqlIdentifier identifier) {
                alias = identifier.names.get(identifier.names.size() - 1);
            }
            if (key instanceof SqlIdentifier name && name.isSimple() && alias != null && name.getSimple().equalsIgnoreCase(alias)) {
                return i;
            }
            if (expression.toString().toLowerCase(Locale.ROOT).equals(key.toString().toLowerCase(Locale.ROOT))) {
                return i;
            }
        }
        return -1;
    }
}
