package dev.shoal.shell;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a script into statements at the semicolons outside quotes ('...', "...") and comments
 * (-- to the end of the line, /* ... *&#47;); what follows the last semicolon is {@link #remainder}.
 */
final class StatementSplitter {
    private final List<String> statements = new ArrayList<>();
    private final String remainder;

    StatementSplitter(String script) {
        StringBuilder current = new StringBuilder();
        int i = 0;
        while (i < script.length()) {
            char c = script.charAt(i);
            if (c == '\'' || c == '"') {
                int end = script.indexOf(c, i + 1);
                while (end >= 0 && end + 1 < script.length() && script.charAt(end + 1) == c) {
                    end = script.indexOf(c, end + 2);
                }
                end = end < 0 ? script.length() : end + 1;
                current.append(script, i, end);
                i = end;
            } else if (c == '-' && script.startsWith("--", i)) {
                int end = script.indexOf('\n', i);
                end = end < 0 ? script.length() : end;
                current.append(script, i, end);
                i = end;
            } else if (c == '/' && script.startsWith("/*", i)) {
                int end = script.indexOf("*/", i + 2);
                end = end < 0 ? script.length() : end + 2;
                current.append(script, i, end);
                i = end;
            } else if (c == ';') {
                add(current.toString());
                current.setLength(0);
                i++;
            } else {
                current.append(c);
                i++;
            }
        }
        remainder = current.toString().trim();
    }

    private void add(String statement) {
        if (!statement.isBlank()) {
            statements.add(statement.trim());
        }
    }

    /** The statements ended by a semicolon, in order, without it. */
    List<String> statements() {
        return statements;
    }

    /** The text after the last semicolon: a statement not ended yet (or the script's last one, without a semicolon). */
    String remainder() {
        return remainder;
    }
}
