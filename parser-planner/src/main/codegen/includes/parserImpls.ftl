<#--
  Shoal's productions, added to Calcite's grammar by config.fmpp. Each builds a node of
  dev.shoal.planner.parser, so that the planner and the coordinator read statements, not text.
-->

/**
 * Trino's EXPLAIN: {@code EXPLAIN [ANALYZE [VERBOSE]] [(option value, ...)] statement}.
 * Calcite's {@code EXPLAIN PLAN FOR statement} is read as plain EXPLAIN.
 */
SqlNode SqlExplainStatement() :
{
    final Span s;
    boolean analyze = false;
    boolean verbose = false;
    final List<SqlExplainStatement.Option> options = new ArrayList<SqlExplainStatement.Option>();
    SqlNode statement;
    Span create;
}
{
    <EXPLAIN> { s = span(); }
    (
        LOOKAHEAD(2)
        <PLAN> <FOR>
    |
        <ANALYZE> { analyze = true; } [ LOOKAHEAD(1) <VERBOSE> { verbose = true; } ]
    |
        LOOKAHEAD(3)
        <LPAREN> ExplainOption(options) ( <COMMA> ExplainOption(options) )* <RPAREN>
    |
        { }
    )
    (
        LOOKAHEAD(2) <CREATE> { create = span(); } statement = SqlCreateTableAs(create, false)
    |
        LOOKAHEAD(2) statement = SqlInsertOverwrite()
    |
        statement = SqlQueryOrDml()
    )
    {
        return new SqlExplainStatement(s.end(this), statement, analyze, verbose, options);
    }
}

/** One EXPLAIN option: a name and a value, such as {@code TYPE DISTRIBUTED} or {@code FORMAT TEXT}. */
void ExplainOption(List<SqlExplainStatement.Option> options) :
{
    final SqlIdentifier name;
    final SqlIdentifier value;
}
{
    name = SimpleIdentifier() value = SimpleIdentifier() {
        options.add(new SqlExplainStatement.Option(name, value));
    }
}

/** Trino's {@code date_diff('unit', a, b)}. */
SqlNode TrinoDateDiff() :
{
    final Span s;
    final List<SqlNode> args = new ArrayList<SqlNode>();
}
{
    <DATE_DIFF> { s = span(); }
    <LPAREN>
    AddExpression(args, ExprContext.ACCEPT_SUB_QUERY)
    <COMMA>
    AddExpression(args, ExprContext.ACCEPT_SUB_QUERY)
    <COMMA>
    AddExpression(args, ExprContext.ACCEPT_SUB_QUERY)
    <RPAREN> {
        return TrinoCalls.dateDiff(s.end(this), args);
    }
}

boolean IfNotExistsOpt() :
{
}
{
    LOOKAHEAD(3) <IF> <NOT> <EXISTS> { return true; }
|
    { return false; }
}

boolean IfExistsOpt() :
{
}
{
    LOOKAHEAD(2) <IF> <EXISTS> { return true; }
|
    { return false; }
}

/** The text of a string literal. */
String StringValue() :
{
    final SqlNode literal;
}
{
    literal = StringLiteral() { return DdlLiterals.text(literal); }
}

/** {@code CREATE SCHEMA|DATABASE [IF NOT EXISTS] name [LOCATION '...']} (after CREATE). */
SqlCreate SqlCreateSchema(Span s, boolean replace) :
{
    final boolean ifNotExists;
    final SqlIdentifier name;
    String location = null;
}
{
    ( <SCHEMA> | <DATABASE> )
    ifNotExists = IfNotExistsOpt()
    name = CompoundIdentifier()
    [ <LOCATION> location = StringValue() ]
    {
        return new SqlCreateSchema(s.end(this), ifNotExists, name, Optional.ofNullable(location));
    }
}

/** Athena's CREATE EXTERNAL TABLE (after CREATE); see SqlCreateExternalTable. */
SqlCreate SqlCreateExternalTable(Span s, boolean replace) :
{
    final boolean ifNotExists;
    final SqlIdentifier name;
    final List<ColumnDeclaration> columns = new ArrayList<ColumnDeclaration>();
    final List<ColumnDeclaration> partitionColumns = new ArrayList<ColumnDeclaration>();
    final Map<String, String> properties = new LinkedHashMap<String, String>();
    String comment = null;
    final SqlIdentifier format;
    final String location;
}
{
    <EXTERNAL> <TABLE>
    ifNotExists = IfNotExistsOpt()
    name = CompoundIdentifier()
    [ ColumnDeclarations(columns) ]
    [ <COMMENT> comment = StringValue() ]
    [ <PARTITIONED> <BY> ColumnDeclarations(partitionColumns) ]
    <STORED> <AS> format = SimpleIdentifier()
    <LOCATION> location = StringValue()
    [ <TBLPROPERTIES> Properties(properties) ]
    {
        return new SqlCreateExternalTable(s.end(this), ifNotExists, name, columns, Optional.ofNullable(comment),
            partitionColumns, format, location, properties);
    }
}

void ColumnDeclarations(List<ColumnDeclaration> columns) :
{
}
{
    <LPAREN> ColumnDeclaration(columns) ( <COMMA> ColumnDeclaration(columns) )* <RPAREN>
}

void ColumnDeclaration(List<ColumnDeclaration> columns) :
{
    final SqlIdentifier name;
    final SqlDataTypeSpec type;
    String comment = null;
}
{
    name = SimpleIdentifier() type = DataType() [ <COMMENT> comment = StringValue() ] {
        columns.add(new ColumnDeclaration(name, type, Optional.ofNullable(comment)));
    }
}

/** {@code ('key' = 'value', ...)}. */
void Properties(Map<String, String> properties) :
{
    String key;
    String value;
}
{
    <LPAREN>
    key = StringValue() <EQ> value = StringValue() { properties.put(key, value); }
    (
        <COMMA> key = StringValue() <EQ> value = StringValue() { properties.put(key, value); }
    )*
    <RPAREN>
}

/** {@code DROP SCHEMA|DATABASE [IF EXISTS] name [CASCADE|RESTRICT]} (after DROP). */
SqlDrop SqlDropSchema(Span s, boolean replace) :
{
    final boolean ifExists;
    final SqlIdentifier name;
    boolean cascade = false;
}
{
    ( <SCHEMA> | <DATABASE> )
    ifExists = IfExistsOpt()
    name = CompoundIdentifier()
    [ <CASCADE> { cascade = true; } | <RESTRICT> { cascade = false; } ]
    {
        return new SqlDropSchema(s.end(this), ifExists, name, cascade);
    }
}

/** {@code DROP TABLE [IF EXISTS] name} (after DROP). */
SqlDrop SqlDropTable(Span s, boolean replace) :
{
    final boolean ifExists;
    final SqlIdentifier name;
}
{
    <TABLE>
    ifExists = IfExistsOpt()
    name = CompoundIdentifier()
    {
        return new SqlDropRelation(s.end(this), ifExists, name, false);
    }
}

/** {@code SHOW SCHEMAS|DATABASES [IN|FROM catalog] [LIKE 'pattern']}. */
SqlNode SqlShowSchemas() :
{
    final Span s;
    SqlIdentifier catalog = null;
    String like = null;
}
{
    <SHOW> { s = span(); } ( <SCHEMAS> | <DATABASES> )
    [ ( <IN> | <FROM> ) catalog = CompoundIdentifier() ]
    [ <LIKE> like = StringValue() ]
    {
        return new SqlShow(s.end(this), SqlShow.Subject.SCHEMAS, Optional.ofNullable(catalog), Optional.ofNullable(like));
    }
}

/** {@code SHOW TABLES [IN|FROM schema] [LIKE 'pattern']}. */
SqlNode SqlShowTables() :
{
    final Span s;
    SqlIdentifier schema = null;
    String like = null;
}
{
    <SHOW> { s = span(); } <TABLES>
    [ ( <IN> | <FROM> ) schema = CompoundIdentifier() ]
    [ <LIKE> like = StringValue() ]
    {
        return new SqlShow(s.end(this), SqlShow.Subject.TABLES, Optional.ofNullable(schema), Optional.ofNullable(like));
    }
}

/**
 * {@code CREATE TABLE [IF NOT EXISTS] t [WITH (name = value, ...)] AS query [WITH [NO] DATA]}, or
 * {@code CREATE TABLE [IF NOT EXISTS] t (col type, ...) [WITH (...)]} for an empty table (after CREATE).
 */
SqlCreate SqlCreateTableAs(Span s, boolean replace) :
{
    final boolean ifNotExists;
    final SqlIdentifier name;
    final List<ColumnDeclaration> columns = new ArrayList<ColumnDeclaration>();
    final Map<String, SqlNode> properties = new LinkedHashMap<String, SqlNode>();
    final SqlNode query;
    boolean withData = true;
}
{
    <TABLE>
    ifNotExists = IfNotExistsOpt()
    name = CompoundIdentifier()
    (
        ColumnDeclarations(columns)
        [
            <WITH> <LPAREN> TableProperty(properties) ( <COMMA> TableProperty(properties) )* <RPAREN>
        ]
        {
            return new SqlCreateTable(s.end(this), ifNotExists, name, columns, properties);
        }
    |
        [
            <WITH> <LPAREN> TableProperty(properties) ( <COMMA> TableProperty(properties) )* <RPAREN>
        ]
        <AS> query = OrderedQueryOrExpr(ExprContext.ACCEPT_QUERY)
        [
            LOOKAHEAD(2) <WITH> ( <NO> <DATA> { withData = false; } | <DATA> )
        ]
        {
            return new SqlCreateTableAs(s.end(this), ifNotExists, name, properties, query, withData);
        }
    )
}

/** {@code name = value} in CREATE TABLE's WITH (...). */
void TableProperty(Map<String, SqlNode> properties) :
{
    final SqlIdentifier name;
    final SqlNode value;
}
{
    name = SimpleIdentifier() <EQ> value = Expression(ExprContext.ACCEPT_NON_QUERY) {
        properties.put(name.getSimple().toLowerCase(java.util.Locale.ROOT), value);
    }
}

/** {@code SHOW COLUMNS FROM|IN table}. */
SqlNode SqlShowColumns() :
{
    final Span s;
    final SqlIdentifier table;
}
{
    <SHOW> { s = span(); } <COLUMNS> ( <FROM> | <IN> ) table = CompoundIdentifier()
    {
        return new SqlShow(s.end(this), SqlShow.Subject.COLUMNS, Optional.of(table), Optional.empty());
    }
}

/** {@code SHOW CREATE TABLE table}: DDL that re-creates the table over its files. */
SqlNode SqlShowCreateTable() :
{
    final Span s;
    final SqlIdentifier table;
}
{
    <SHOW> { s = span(); } <CREATE> <TABLE> table = CompoundIdentifier()
    {
        return new SqlShow(s.end(this), SqlShow.Subject.CREATE_TABLE, Optional.of(table), Optional.empty());
    }
}

/** {@code USE schema}. */
SqlNode SqlUseSchema() :
{
    final Span s;
    final SqlIdentifier schema;
}
{
    <USE> { s = span(); } schema = CompoundIdentifier()
    {
        return new SqlUseSchema(s.end(this), schema);
    }
}

/** {@code CREATE [OR REPLACE] VIEW name AS query} (after CREATE [OR REPLACE]). */
SqlCreate SqlCreateView(Span s, boolean replace) :
{
    final SqlIdentifier name;
    final SqlParserPos queryStart;
    final SqlNode query;
}
{
    <VIEW> name = CompoundIdentifier()
    <AS> { queryStart = getPos(); }
    query = OrderedQueryOrExpr(ExprContext.ACCEPT_QUERY)
    {
        return new SqlCreateView(s.end(this), replace, name, query, queryStart);
    }
}

/** {@code DROP VIEW [IF EXISTS] name} (after DROP). */
SqlDrop SqlDropView(Span s, boolean replace) :
{
    final boolean ifExists;
    final SqlIdentifier name;
}
{
    <VIEW>
    ifExists = IfExistsOpt()
    name = CompoundIdentifier()
    {
        return new SqlDropRelation(s.end(this), ifExists, name, true);
    }
}

/**
 * {@code ALTER TABLE t RENAME TO u}, {@code ALTER TABLE t ADD COLUMN c type [COMMENT '...']},
 * {@code ALTER TABLE t ADD [IF NOT EXISTS] PARTITION (...) [LOCATION '...'] ...} or
 * {@code ALTER TABLE t DROP [IF EXISTS] PARTITION (...), ...}.
 */
SqlNode SqlAlterTable() :
{
    final Span s;
    final SqlIdentifier name;
    final SqlIdentifier newName;
    final List<ColumnDeclaration> columns = new ArrayList<ColumnDeclaration>();
    final List<PartitionSpec> partitions = new ArrayList<PartitionSpec>();
    boolean lenient;
}
{
    <ALTER> { s = span(); } <TABLE> name = CompoundIdentifier()
    (
        <RENAME> <TO> newName = CompoundIdentifier() {
            return SqlAlterTable.rename(s.end(this), name, newName);
        }
    |
        LOOKAHEAD(<ADD> ( <IF> | <PARTITION> ))
        <ADD> lenient = IfNotExistsOpt()
        PartitionSpecOne(partitions, true) ( PartitionSpecOne(partitions, true) )* {
            return new SqlAlterPartitions(s.end(this), name, true, lenient, partitions);
        }
    |
        <ADD> [ <COLUMN> ] ColumnDeclaration(columns) {
            return SqlAlterTable.addColumn(s.end(this), name, columns.get(0));
        }
    |
        <DROP> lenient = IfExistsOpt()
        PartitionSpecOne(partitions, false) ( <COMMA> PartitionSpecOne(partitions, false) )* {
            return new SqlAlterPartitions(s.end(this), name, false, lenient, partitions);
        }
    )
}

/** {@code PARTITION (k = v, ...)}, with {@code [LOCATION '...']} where {@code withLocation}. */
void PartitionSpecOne(List<PartitionSpec> partitions, boolean withLocation) :
{
    final List<String> columns = new ArrayList<String>();
    final List<String> values = new ArrayList<String>();
    SqlIdentifier column;
    String value;
    String location = null;
}
{
    <PARTITION> <LPAREN>
    column = SimpleIdentifier() <EQ> value = PartitionValue() {
        columns.add(column.getSimple().toLowerCase(java.util.Locale.ROOT));
        values.add(value);
    }
    (
        <COMMA> column = SimpleIdentifier() <EQ> value = PartitionValue() {
            columns.add(column.getSimple().toLowerCase(java.util.Locale.ROOT));
            values.add(value);
        }
    )*
    <RPAREN>
    [ LOOKAHEAD({ withLocation && getToken(1).kind == LOCATION }) <LOCATION> location = StringValue() ]
    {
        partitions.add(new PartitionSpec(columns, values, Optional.ofNullable(location)));
    }
}

/** A partition value: a literal (string, number, DATE '...', TRUE), its text as a folder spells it; null for NULL. */
String PartitionValue() :
{
    final SqlNode literal;
    boolean negative = false;
}
{
    [ <MINUS> { negative = true; } ]
    literal = Literal() {
        return DdlLiterals.partitionValue(literal, negative);
    }
}

/** {@code SHOW PARTITIONS [FROM|IN] table}: one row per partition, named as its folder is (Athena's). */
SqlNode SqlShowPartitions() :
{
    final Span s;
    final SqlIdentifier table;
}
{
    <SHOW> { s = span(); } <PARTITIONS> [ <FROM> | <IN> ] table = CompoundIdentifier()
    {
        return new SqlShow(s.end(this), SqlShow.Subject.PARTITIONS, Optional.of(table), Optional.empty());
    }
}

/** {@code MSCK REPAIR TABLE t [ADD|DROP|SYNC PARTITIONS]}. */
SqlNode SqlRepairTable() :
{
    final Span s;
    final SqlIdentifier table;
    SqlRepairTable.Mode mode = SqlRepairTable.Mode.ADD;
}
{
    <MSCK> { s = span(); } <REPAIR> <TABLE> table = CompoundIdentifier()
    [
        (
            <ADD> { mode = SqlRepairTable.Mode.ADD; }
        |   <DROP> { mode = SqlRepairTable.Mode.DROP; }
        |   <SYNC> { mode = SqlRepairTable.Mode.SYNC; }
        )
        <PARTITIONS>
    ]
    {
        return new SqlRepairTable(s.end(this), table, mode);
    }
}

/** {@code INSERT OVERWRITE [TABLE] t [(columns)] query}. */
SqlNode SqlInsertOverwrite() :
{
    final Span s;
    final SqlIdentifier table;
    SqlNodeList columns = null;
    final SqlNode source;
}
{
    <INSERT> { s = span(); } <OVERWRITE> [ <TABLE> ] table = CompoundIdentifier()
    [ LOOKAHEAD(3) columns = ParenthesizedSimpleIdentifierList() ]
    source = OrderedQueryOrExpr(ExprContext.ACCEPT_QUERY)
    {
        return new SqlInsertOverwrite(s.end(this), table, source, columns);
    }
}

/** {@code SET SESSION name = value} and {@code RESET SESSION name}, Trino's session properties. */
SqlNode SqlSetSession() :
{
    Span s;
    final SqlIdentifier name;
    SqlNode value = null;
}
{
    (
        <SET> { s = span(); } <SESSION> name = CompoundIdentifier() <EQ> value = Expression(ExprContext.ACCEPT_NON_QUERY)
    |
        <RESET> { s = span(); } <SESSION> name = CompoundIdentifier()
    )
    {
        return new SqlSetSession(s.end(this), name, value);
    }
}

/** {@code SHOW SESSION|FUNCTIONS|CATALOGS [LIKE 'pattern']}. */
SqlNode SqlShowSessionFunctionsCatalogs() :
{
    final Span s;
    final SqlShow.Subject subject;
    String like = null;
}
{
    <SHOW> { s = span(); }
    (
        <SESSION> { subject = SqlShow.Subject.SESSION; }
    |
        <FUNCTIONS> { subject = SqlShow.Subject.FUNCTIONS; }
    |
        <CATALOGS> { subject = SqlShow.Subject.CATALOGS; }
    )
    [ <LIKE> like = StringValue() ]
    {
        return new SqlShow(s.end(this), subject, Optional.empty(), Optional.ofNullable(like));
    }
}
