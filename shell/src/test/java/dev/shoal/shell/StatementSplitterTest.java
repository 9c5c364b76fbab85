package dev.shoal.shell;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class StatementSplitterTest {
    @Test
    void semicolonsInQuotesAndCommentsDoNotEndAStatement() {
        StatementSplitter split = new StatementSplitter("select ';' as a; -- a comment; still\nselect \"x;y\" from t /* ; */;\n"
                + "select 'it''s; fine'; select 2");
        assertEquals(List.of("select ';' as a", "-- a comment; still\nselect \"x;y\" from t /* ; */", "select 'it''s; fine'"),
                split.statements());
        assertEquals("select 2", split.remainder());
    }

    @Test
    void blankStatementsAreSkippedAndAnOpenQuoteRunsToTheEnd() {
        assertEquals(List.of("select 1"), new StatementSplitter(";; select 1;;").statements());
        StatementSplitter open = new StatementSplitter("select 'unclosed; more");
        assertEquals(List.of(), open.statements());
        assertEquals("select 'unclosed; more", open.remainder());
    }
}
