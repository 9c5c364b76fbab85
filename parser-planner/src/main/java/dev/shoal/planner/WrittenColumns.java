package dev.shoal.planner;

import dev.shoal.core.error.ErrorCode;
import dev.shoal.core.error.ShoalException;
import dev.shoal.core.plan.ScanColumn;
import dev.shoal.core.type.DataType;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The columns a CREATE TABLE AS writes or a view shows: the query's, each named, no name twice (Trino's rules). */
public final class WrittenColumns {
    /** What a write's result rows hold: one row per file written. */
    static final List<String> FILE_COLUMNS = List.of("path", "bytes", "rows");

    private WrittenColumns() {
    }

    public static List<ScanColumn> of(List<String> names, List<DataType> types) {
        List<ScanColumn> columns = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i).toLowerCase(Locale.ROOT);
            if (name.matches("_col\\d+")) {
                throw new ShoalException(ErrorCode.INVALID_ARGUMENT, "column " + (i + 1)
                        + " of the query has no name: give it one with AS");
            }
            if (!seen.add(name)) {
                throw new ShoalException(ErrorCode.INVALID_ARGUMENT, "column name " + name + " is given more than once");
            }
            columns.add(new ScanColumn(name, types.get(i)));
        }
        return columns;
    }
}
