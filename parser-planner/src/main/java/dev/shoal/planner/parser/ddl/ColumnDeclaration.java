package dev.shoal.planner.parser.ddl;

import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlIdentifier;

import java.util.Optional;

/** {@code name type [COMMENT '...']} in a column list of CREATE TABLE. */
public record ColumnDeclaration(SqlIdentifier name, SqlDataTypeSpec type, Optional<String> comment) {
}
