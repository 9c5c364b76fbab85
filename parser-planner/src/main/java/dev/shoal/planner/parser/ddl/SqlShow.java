package dev.shoal.planner.parser.ddl;

import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

import java.util.List;
import java.util.Optional;

/**
 * {@code SHOW SCHEMAS|DATABASES [IN|FROM catalog] [LIKE 'pattern']}, {@code SHOW TABLES [IN|FROM schema]
 * [LIKE 'pattern']}, {@code SHOW COLUMNS FROM|IN table}, {@code SHOW CREATE TABLE table}, {@code SHOW PARTITIONS},
 * and {@code SHOW SESSION|FUNCTIONS|CATALOGS [LIKE 'pattern']}: what
 * they list, of which catalog, schema or table ({@link #schema()} holds the catalog's name for SCHEMAS, the
 * table's for the last three), matching which LIKE pattern.
 */
public final class SqlShow extends SqlCall {
    /** What a SHOW statement lists. */
    public enum Subject { SCHEMAS, TABLES, COLUMNS, CREATE_TABLE, PARTITIONS, SESSION, FUNCTIONS, CATALOGS }

    private static final SqlOperator OPERATOR = new SqlSpecialOperator("SHOW", SqlKind.OTHER);

    private final Subject subject;
    private final Optional<SqlIdentifier> schema;
    private final Optional<String> like;

    public SqlShow(SqlParserPos pos, Subject subject, Optional<SqlIdentifier> schema, Optional<String> like) {
        super(pos);
        this.subject = subject;
        this.schema = schema;
        this.like = like;
    }

    public Subject subject() {
        return subject;
    }

    public Optional<SqlIdentifier> schema() {
        return schema;
    }

    public Optional<String> like() {
        return like;
    }

    @Override
    public SqlOperator getOperator() {
        return OPERATOR;
    }

    @Override
    public List<SqlNode> getOperandList() {
        return List.of();
    }

    @Override
    public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
        writer.keyword("SHOW " + subject.name().replace('_', ' '));
        schema.ifPresent(s -> {
            writer.keyword("IN");
            s.unparse(writer, leftPrec, rightPrec);
        });
        like.ifPresent(l -> {
            writer.keyword("LIKE");
            writer.literal("'" + l.replace("'", "''") + "'");
        });
    }
}
