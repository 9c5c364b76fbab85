package dev.shoal.planner.parser.ddl;

import dev.shoal.core.error.ErrorCode;
import dev.shoal.core.error.ShoalException;
import dev.shoal.core.plan.ScanColumn;
import dev.shoal.core.type.DataType;
import org.apache.calcite.sql.SqlBasicTypeNameSpec;
import org.apache.calcite.sql.SqlDataTypeSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A declared column type in Shoal's types, with Athena's (Hive's) names too: {@code string} is
 * VARCHAR, {@code int}, {@code smallint} and {@code tinyint} are INTEGER, a DECIMAL without
 * precision is DECIMAL(10,0). A VARCHAR's length is not enforced.
 */
public final class ColumnTypes {
    private ColumnTypes() {
    }

    /** A declared column as the catalog keeps it: its name in lower case, its type in Shoal's types. */
    public static ScanColumn column(ColumnDeclaration declaration) {
        return new ScanColumn(declaration.name().getSimple().toLowerCase(Locale.ROOT), of(declaration));
    }

    /** A declared column list; a name declared twice is an error naming it. */
    public static List<ScanColumn> columns(List<ColumnDeclaration> declarations) {
        List<ScanColumn> columns = new ArrayList<>();
        for (ColumnDeclaration declaration : declarations) {
            ScanColumn column = column(declaration);
            if (columns.stream().anyMatch(c -> c.name().equals(column.name()))) {
                throw new ShoalException(ErrorCode.INVALID_ARGUMENT, "column " + column.name() + " is declared twice");
            }
            columns.add(column);
        }
        return columns;
    }

    public static DataType of(ColumnDeclaration column) {
        SqlDataTypeSpec spec = column.type();
        String name = spec.getTypeName().getSimple().toUpperCase(Locale.ROOT);
        int precision = spec.getTypeNameSpec() instanceof SqlBasicTypeNameSpec basic ? basic.getPrecision() : -1;
        int scale = spec.getTypeNameSpec() instanceof SqlBasicTypeNameSpec basic ? basic.getScale() : -1;
        return switch (name) {
            case "BOOLEAN" -> DataType.BOOLEAN;
            case "TINYINT", "SMALLINT", "INT", "INTEGER" -> DataType.INTEGER;
            case "BIGINT" -> DataType.BIGINT;
            case "DOUBLE" -> DataType.DOUBLE;
            case "DECIMAL", "DEC", "NUMERIC" -> decimal(column, precision < 0 ? 10 : precision, Math.max(scale, 0));
            case "VARCHAR", "STRING" -> DataType.VARCHAR;
            case "DATE" -> DataType.DATE;
            case "TIMESTAMP" -> DataType.TIMESTAMP;
            default -> throw new ShoalException(ErrorCode.NOT_SUPPORTED, "column " + column.name().getSimple() + ": type "
                    + name + " is not supported (boolean, integer, bigint, double, decimal(p,s), varchar, "
                    + "date, timestamp)");
        };
    }

    private static DataType decimal(ColumnDeclaration column, int precision, int scale) {
        if (precision < 1 || precision > DataType.MAX_DECIMAL_PRECISION || scale > precision) {
            throw new ShoalException(ErrorCode.INVALID_ARGUMENT, "column " + column.name().getSimple()
                    + ": DECIMAL(" + precision + "," + scale + ") needs 1 <= precision <= 38 and scale <= precision");
        }
        return DataType.decimal(precision, scale);
    }
}
