package dev.shoal.coordinator.server;

import dev.shoal.core.error.ErrorCode;
import dev.shoal.core.error.ShoalException;
import dev.shoal.planner.parser.SqlExplainStatement;

/** What a statement's EXPLAIN asks for: nothing (not an EXPLAIN), the distributed or logical plan, or a run with its report. */
enum Explain {
    NONE, DISTRIBUTED, LOGICAL, ANALYZE;

    /** Trino's EXPLAIN options: TYPE DISTRIBUTED (the default) or LOGICAL, FORMAT TEXT. */
    static Explain of(SqlExplainStatement explain) {
        Explain mode = explain.analyze() ? Explain.ANALYZE : Explain.DISTRIBUTED;
        for (SqlExplainStatement.Option option : explain.options()) {
            String value = option.valueText();
            switch (option.nameText()) {
                case "TYPE" -> mode = switch (value) {
                    case "DISTRIBUTED" -> Explain.DISTRIBUTED;
                    case "LOGICAL" -> Explain.LOGICAL;
                    default -> throw new ShoalException(ErrorCode.NOT_SUPPORTED,
                            "EXPLAIN type " + value + " is not supported (DISTRIBUTED or LOGICAL)");
                };
                case "FORMAT" -> {
                    if (!value.equals("TEXT")) {
                        throw new ShoalException(ErrorCode.NOT_SUPPORTED, "EXPLAIN format " + value + " is not supported (TEXT)");
                    }
                }
                default -> throw new ShoalException(ErrorCode.SYNTAX_ERROR,
                        "unknown EXPLAIN option " + option.nameText() + " (TYPE or FORMAT)");
            }
        }
        return mode;
    }
}
