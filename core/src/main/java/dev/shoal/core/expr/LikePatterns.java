package dev.shoal.core.expr;

import java.util.regex.Pattern;

/** SQL LIKE's pattern language as a regular expression: {@code %} any run, {@code _} one character, an escape before either. */
public final class LikePatterns {
    private LikePatterns() {
    }

    /** {@code escape}: the character that makes the next one literal, or null for none. */
    public static String toRegex(String pattern, Character escape) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (escape != null && c == escape && i + 1 < pattern.length()) {
                out.append(Pattern.quote(String.valueOf(pattern.charAt(++i))));
            } else if (c == '%') {
                out.append(".*");
            } else if (c == '_') {
                out.append('.');
            } else {
                out.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return out.toString();
    }
}
