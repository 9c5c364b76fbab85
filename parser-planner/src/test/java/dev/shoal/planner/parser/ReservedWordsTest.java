package dev.shoal.planner.parser;

import dev.shoal.core.error.ShoalException;
import org.apache.calcite.sql.SqlSelect;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/** The rule in config.fmpp: Trino's reserved words are reserved, and every word the grammar frees is a name. */
class ReservedWordsTest {
    /** Trino's reserved words (trino.io/docs/current/language/reserved.html) that Calcite also has as keywords. */
    private static final List<String> TRINO_RESERVED = List.of("ALTER", "AND", "AS", "BETWEEN", "BY", "CASE", "CAST",
            "CONSTRAINT", "CREATE", "CROSS", "CUBE", "CURRENT_CATALOG", "CURRENT_DATE", "CURRENT_PATH", "CURRENT_ROLE",
            "CURRENT_SCHEMA", "CURRENT_TIME", "CURRENT_TIMESTAMP", "CURRENT_USER", "DEALLOCATE", "DELETE", "DESCRIBE",
            "DISTINCT", "DROP", "ELSE", "END", "ESCAPE", "EXCEPT", "EXECUTE", "EXISTS", "EXTRACT", "FALSE", "FOR", "FROM",
            "FULL", "GROUP", "GROUPING", "HAVING", "IN", "INNER", "INSERT", "INTERSECT", "INTO", "IS", "JOIN", "JSON_ARRAY",
            "JSON_EXISTS", "JSON_OBJECT", "JSON_QUERY", "JSON_VALUE", "LEFT", "LIKE", "LOCALTIME", "LOCALTIMESTAMP",
            "NATURAL", "NORMALIZE", "NOT", "NULL", "ON", "OR", "ORDER", "OUTER", "PREPARE", "RECURSIVE", "RIGHT", "ROLLUP",
            "SELECT", "SKIP", "TABLE", "THEN", "TRIM", "TRUE", "UESCAPE", "UNION", "UNNEST", "USING", "VALUES", "WHEN",
            "WHERE", "WITH");

    @Test
    void everyWordTheGrammarFreesNamesAColumnATableAndAnAlias() throws IOException {
        List<String> freed = nonReservedKeywordsToAdd();
        assertFalse(freed.isEmpty());
        List<String> refused = new ArrayList<>();
        for (String word : freed) {
            String name = word.toLowerCase();
            try {
                assertInstanceOf(SqlSelect.class,
                        ShoalParser.parse("select " + name + ", 1 as " + name + " from " + name + " where " + name + " = 1"));
            } catch (ShoalException e) {
                refused.add(word);
            }
        }
        assertEquals(List.of(), refused);
    }

    @Test
    void trinosReservedWordsAreNotNames() {
        List<String> accepted = new ArrayList<>();
        for (String word : TRINO_RESERVED) {
            try {
                ShoalParser.parse("select 1 as " + word.toLowerCase());
                accepted.add(word);
            } catch (ShoalException expected) {
                // reserved, as in Trino
            }
        }
        assertEquals(List.of(), accepted);
    }

    /** The list in the grammar's configuration; Maven runs tests from the module's folder. */
    private static List<String> nonReservedKeywordsToAdd() throws IOException {
        String config = Files.readString(Path.of("src/main/codegen/config.fmpp"));
        int start = config.indexOf("nonReservedKeywordsToAdd: [");
        String list = config.substring(start, config.indexOf(']', start));
        List<String> words = new ArrayList<>();
        Matcher word = Pattern.compile("\"([A-Z_0-9]+)\"").matcher(list);
        while (word.find()) {
            words.add(word.group(1));
        }
        return words;
    }
}
