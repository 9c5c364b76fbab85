package dev.shoal.coordinator.server;

import dev.shoal.core.error.ErrorCode;
import dev.shoal.core.error.ShoalException;
import org.apache.calcite.avatica.AvaticaParameter;
import org.apache.calcite.avatica.remote.TypedValue;
import org.apache.calcite.sql.SqlDynamicParam;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.util.SqlShuttle;
import org.apache.calcite.util.DateString;
import org.apache.calcite.util.TimestampString;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import java.util.TimeZone;

/**
 * JDBC's {@code ?} parameters: counted at prepare, and at execute replaced in a freshly parsed
 * statement by literals of the values given, so that the statement plans as if written with them.
 */
final class ParameterBinder {
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

    private ParameterBinder() {
    }

    static int count(SqlNode statement) {
        int[] highest = {0};
        statement.accept(new SqlShuttle() {
            @Override
            public SqlNode visit(SqlDynamicParam param) {
                highest[0] = Math.max(highest[0], param.getIndex() + 1);
                return param;
            }
        });
        return highest[0];
    }

    /** What the client learns of each parameter before it runs: its position; the type is the value's own. */
    static List<AvaticaParameter> describe(int count) {
        List<AvaticaParameter> parameters = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            parameters.add(new AvaticaParameter(false, 0, 0, Types.OTHER, "ANY", Object.class.getName(), "?" + (i + 1)));
        }
        return parameters;
    }

    static SqlNode bind(SqlNode statement, List<TypedValue> values) {
        int expected = count(statement);
        if (expected != values.size()) {
            throw new ShoalException(ErrorCode.INVALID_ARGUMENT, "the statement has " + expected + " parameter(s), "
                    + values.size() + " given");
        }
        return statement.accept(new SqlShuttle() {
            @Override
            public SqlNode visit(SqlDynamicParam param) {
                return literal(values.get(param.getIndex()), param.getParserPosition(), param.getIndex() + 1);
            }
        });
    }

    private static SqlNode literal(TypedValue typed, SqlParserPos pos, int position) {
        if (typed == null) {
            throw new ShoalException(ErrorCode.INVALID_ARGUMENT, "parameter " + position + " has no value (set it, or setNull)");
        }
        Object value = typed.toJdbc(Calendar.getInstance(TimeZone.getTimeZone("UTC")));
        if (value == null) {
            return SqlLiteral.createNull(pos);
        }
        if (value instanceof Boolean b) {
            return SqlLiteral.createBoolean(b, pos);
        }
        if (value instanceof Byte || value instanceof Short || value instanceof Integer || value instanceof Long) {
            return SqlLiteral.createExactNumeric(value.toString(), pos);
        }
        if (value instanceof BigDecimal d) {
            return SqlLiteral.createExactNumeric(d.toPlainString(), pos);
        }
        if (value instanceof Double || value instanceof Float) {
            String text = value.toString();
            return SqlLiteral.createApproxNumeric(text.contains("E") ? text : text + "E0", pos);
        }
        if (value instanceof String s) {
            return SqlLiteral.createCharString(s, pos);
        }
        if (value instanceof Date date) {
            return SqlLiteral.createDate(new DateString(date.toLocalDate().toString()), pos);
        }
        if (value instanceof Timestamp timestamp) {
            return SqlLiteral.createTimestamp(SqlTypeName.TIMESTAMP, new TimestampString(timestamp.toLocalDateTime().format(TIMESTAMP)),
                    6, pos);
        }
        throw new ShoalException(ErrorCode.NOT_SUPPORTED, "parameter " + position + ": values of " + value.getClass().getSimpleName()
                + " are not supported");
    }
}
