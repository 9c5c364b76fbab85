package dev.shoal.coordinator.ddl;

import dev.shoal.core.error.ErrorCode;
import dev.shoal.core.error.ShoalException;
import org.apache.calcite.sql.SqlIdentifier;

import java.util.List;
import java.util.Locale;

/** A table named in a statement, as {@code table} (in the default schema) or {@code schema.table}; lower-case. */
record TableName(String schema, String table) {
    static TableName of(SqlIdentifier identifier, String defaultSchema) {
        List<String> parts = identifier.names;
        return switch (parts.size()) {
            case 1 -> new TableName(defaultSchema, parts.get(0).toLowerCase(Locale.ROOT));
            case 2 -> new TableName(parts.get(0).toLowerCase(Locale.ROOT), parts.get(1).toLowerCase(Locale.ROOT));
            default -> throw new ShoalException(ErrorCode.INVALID_ARGUMENT, "table name " + identifier
                    + " has too many parts: schema.table or table");
        };
    }

    /** A schema's name, which is one name. */
    static String simple(SqlIdentifier identifier, String what) {
        if (!identifier.isSimple()) {
            throw new ShoalException(ErrorCode.INVALID_ARGUMENT, what + " name " + identifier + " must be one name");
        }
        return identifier.getSimple().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return schema + "." + table;
    }
}
