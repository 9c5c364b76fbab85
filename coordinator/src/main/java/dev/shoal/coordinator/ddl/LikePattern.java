package dev.shoal.coordinator.ddl;

import java.util.regex.Pattern;

/**
 * A LIKE pattern over names: {@code %} any run of characters, {@code _} one, and, when the pattern
 * has an escape character, that character before either makes it itself. Case-insensitive, as
 * names are. SHOW ... LIKE has no escape; JDBC's metadata search patterns escape with {@code \}.
 */
public final class LikePattern {
    private static final LikePattern ANY = new LikePattern("%", null);

    private final Pattern pattern;

    LikePattern(String like) {
        this(like, null);
    }

    private LikePattern(String like, Character escape) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < like.length(); i++) {
            char c = like.charAt(i);
            if (escape != null && c == escape && i + 1 < like.length()) {
                regex.append(Pattern.quote(String.valueOf(like.charAt(++i))));
            } else if (c == '%') {
                regex.append(".*");
            } else if (c == '_') {
                regex.append('.');
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        pattern = Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    }

    /** A JDBC DatabaseMetaData search pattern; null matches every name. */
    public static LikePattern jdbc(String pattern) {
        return pattern == null ? ANY : new LikePattern(pattern, '\\');
    }

    public boolean matches(String name) {
        return pattern.matcher(name).matches();
    }
}
