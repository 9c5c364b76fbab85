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
    final SqlNode statement;
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
    statement = SqlQueryOrDml() {
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
