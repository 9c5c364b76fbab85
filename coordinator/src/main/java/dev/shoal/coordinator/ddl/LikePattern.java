package dev.shoal.coordinator.ddl;

import java.util.regex.Pattern;

/** A LIKE pattern of SHOW ... LIKE: {@code %} any run of characters, {@code _} one; case-insensitive, as names are. */
final class LikePattern {
    private final Pattern pattern;

    LikePattern(String like) {
        StringBuilder regex = new StringBuilder();
        for (char c : like.toCharArray()) {
            switch (c) {
                case '%' -> regex.append(".*");
                case '_' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        pattern = Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    }

    boolean matches(String name) {
        return pattern.matcher(name).matches();
    }
}
