package dev.shoal.coordinator.server;

import dev.shoal.core.type.DataType;
import dev.shoal.exec.expression.Decimals;
import org.apache.calcite.avatica.ColumnMetaData;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSetMetaData;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

/**
 * How result columns look to JDBC clients, and each value's form in an Avatica frame: dates
 * travel as int days and timestamps as long milliseconds, which Avatica's client accessors
 * turn into {@code java.sql.Date}/{@code Timestamp}; decimals travel as BigDecimal.
 */
final class ResultColumns {
    private ResultColumns() {
    }

    static List<ColumnMetaData> metadata(List<String> names, List<DataType> types) {
        List<ColumnMetaData> columns = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            DataType type = types.get(i);
            ColumnMetaData.AvaticaType avaticaType = ColumnMetaData.scalar(sqlType(type), typeName(type), rep(type));
            columns.add(new ColumnMetaData(i, false, true, false, false, ResultSetMetaData.columnNullable,
                    type.isNumeric(), displaySize(type), names.get(i), names.get(i), null,
                    precision(type), type.scale(), null, null, avaticaType, true, false, false, className(type)));
        }
        return columns;
    }

    static Object toJdbc(Object value, DataType type) {
        if (value == null) {
            return null;
        }
        return switch (type.kind()) {
            case INTEGER -> ((Long) value).intValue();
            case DECIMAL -> Decimals.toBigDecimal(value, type.scale());
            case DATE -> ((Long) value).intValue();
            case TIMESTAMP -> Math.floorDiv((Long) value, 1000L);
            default -> value;
        };
    }

    static int sqlType(DataType type) {
        return switch (type.kind()) {
            case BOOLEAN -> Types.BOOLEAN;
            case INTEGER -> Types.INTEGER;
            case BIGINT -> Types.BIGINT;
            case DOUBLE -> Types.DOUBLE;
            case DECIMAL -> Types.DECIMAL;
            case VARCHAR -> Types.VARCHAR;
            case DATE -> Types.DATE;
            case TIMESTAMP -> Types.TIMESTAMP;
        };
    }

    private static ColumnMetaData.Rep rep(DataType type) {
        return switch (type.kind()) {
            case BOOLEAN -> ColumnMetaData.Rep.BOOLEAN;
            case INTEGER, DATE -> ColumnMetaData.Rep.INTEGER;
            case BIGINT, TIMESTAMP -> ColumnMetaData.Rep.LONG;
            case DOUBLE -> ColumnMetaData.Rep.DOUBLE;
            case DECIMAL -> ColumnMetaData.Rep.NUMBER;
            case VARCHAR -> ColumnMetaData.Rep.STRING;
        };
    }

    static String typeName(DataType type) {
        return type.kind().name();
    }

    private static String className(DataType type) {
        return switch (type.kind()) {
            case BOOLEAN -> Boolean.class.getName();
            case INTEGER -> Integer.class.getName();
            case BIGINT -> Long.class.getName();
            case DOUBLE -> Double.class.getName();
            case DECIMAL -> BigDecimal.class.getName();
            case VARCHAR -> String.class.getName();
            case DATE -> Date.class.getName();
            case TIMESTAMP -> Timestamp.class.getName();
        };
    }

    static int precision(DataType type) {
        return switch (type.kind()) {
            case DECIMAL -> type.precision();
            case INTEGER -> 10;
            case BIGINT -> 19;
            case DOUBLE -> 17;
            case VARCHAR -> Integer.MAX_VALUE;
            default -> 0;
        };
    }

    private static int displaySize(DataType type) {
        return switch (type.kind()) {
            case DECIMAL -> type.precision() + 2;
            case DATE -> 10;
            case TIMESTAMP -> 26;
            case BOOLEAN -> 5;
            case VARCHAR -> 256;
            default -> 20;
        };
    }
}
