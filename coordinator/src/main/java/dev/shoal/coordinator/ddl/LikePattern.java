package dev.shoal.coordinator.ddl;

import dev.shoal.core.expr.LikePatterns;

import java.util.regex.Pattern;

/**
 * A LIKE pattern over names: {@code %} any run of characters, {@code _} one, and, when the pattern
 * has an escape character, that character before either makes it itself. Case-insensitive, as
 * names are. SHOW ... LIKE has no escape; JDBC's metadata search patterns escape with {@code \}.
 */
public final class LikePattern {
    private static final LikePattern ANY = new LikePattern("%", null);

    private final Pattern pattern;

    public LikePattern(String like) {
        this(like, null);
    }

    private LikePattern(String like, Character escape) {
        pattern = Pattern.compile(LikePatterns.toRegex(like, escape), Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    }

    /** A JDBC DatabaseMetaData search pattern; null matches every name. */
    public static LikePattern jdbc(String pattern) {
        return pattern == null ? ANY : new LikePattern(pattern, '\\');
    }

    public boolean matches(String name) {
        return pattern.matcher(name).matches();
    }
}
