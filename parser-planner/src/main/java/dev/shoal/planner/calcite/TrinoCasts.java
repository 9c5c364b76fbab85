package dev.shoal.planner.calcite;

import com.google.common.collect.ImmutableSet;
import org.apache.calcite.sql.type.SqlTypeCoercionRule;
import org.apache.calcite.sql.type.SqlTypeName;

import java.util.HashMap;
import java.util.Map;

/** The explicit CASTs Trino allows beyond Calcite's: BOOLEAN to numbers (true is 1, false is 0). */
public final class TrinoCasts {
    public static final SqlTypeCoercionRule RULES = rules();

    private TrinoCasts() {
    }

    private static SqlTypeCoercionRule rules() {
        Map<SqlTypeName, ImmutableSet<SqlTypeName>> mapping = new HashMap<>(SqlTypeCoercionRule.instance().getTypeMapping());
        for (SqlTypeName number : new SqlTypeName[] {SqlTypeName.TINYINT, SqlTypeName.SMALLINT, SqlTypeName.INTEGER,
                SqlTypeName.BIGINT, SqlTypeName.DECIMAL, SqlTypeName.DOUBLE, SqlTypeName.REAL, SqlTypeName.FLOAT}) {
            mapping.put(number, ImmutableSet.<SqlTypeName>builder().addAll(mapping.get(number)).add(SqlTypeName.BOOLEAN).build());
        }
        return SqlTypeCoercionRule.instance(mapping);
    }
}
