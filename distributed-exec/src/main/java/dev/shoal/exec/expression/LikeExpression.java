package dev.shoal.exec.expression;

import dev.shoal.core.batch.Batch;
import dev.shoal.core.batch.BooleanVector;
import dev.shoal.core.batch.ColumnVector;
import dev.shoal.core.batch.VarcharVector;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * value LIKE constant pattern. Patterns of the forms 'abc', 'abc%', '%abc' and '%abc%' compare
 * bytes directly; anything else compiles to a regular expression once.
 */
final class LikeExpression implements VectorExpression {
    private enum Shape { EXACT, PREFIX, SUFFIX, CONTAINS, REGEX }

    private final VectorExpression value;
    private final Shape shape;
    private final byte[] literal;
    private final Pattern regex;

    LikeExpression(VectorExpression value, String pattern, Character escape) {
        this.value = value;
        String body = pattern;
        Shape chosen = Shape.REGEX;
        if (escape == null && body.indexOf('_') < 0) {
            String inner = body;
            boolean leading = inner.startsWith("%");
            boolean trailing = inner.length() > (leading ? 1 : 0) && inner.endsWith("%");
            inner = inner.substring(leading ? 1 : 0, inner.length() - (trailing ? 1 : 0));
            if (inner.indexOf('%') < 0) {
                chosen = leading && trailing ? Shape.CONTAINS : leading ? Shape.SUFFIX : trailing ? Shape.PREFIX : Shape.EXACT;
                body = inner;
            }
        }
        this.shape = chosen;
        this.literal = body.getBytes(StandardCharsets.UTF_8);
        this.regex = chosen == Shape.REGEX ? Pattern.compile(toRegex(pattern, escape), Pattern.DOTALL) : null;
    }

    static String toRegex(String pattern, Character escape) {
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

    @Override
    public ColumnVector evaluate(Batch batch) {
        VarcharVector v = (VarcharVector) value.evaluate(batch);
        int n = v.size();
        boolean[] out = new boolean[n];
        byte[] data = v.data();
        for (int i = 0; i < n; i++) {
            int start = v.start(i);
            int length = v.length(i);
            out[i] = switch (shape) {
                case EXACT -> v.equalsBytes(i, literal);
                case PREFIX -> length >= literal.length && regionEquals(data, start, literal);
                case SUFFIX -> length >= literal.length && regionEquals(data, start + length - literal.length, literal);
                case CONTAINS -> indexOf(data, start, start + length, literal) >= 0;
                case REGEX -> regex.matcher(v.getString(i)).matches();
            };
        }
        return new BooleanVector(out, v.nulls(), n);
    }

    private static boolean regionEquals(byte[] data, int from, byte[] literal) {
        return java.util.Arrays.equals(data, from, from + literal.length, literal, 0, literal.length);
    }

    static int indexOf(byte[] data, int from, int to, byte[] needle) {
        if (needle.length == 0) {
            return from;
        }
        byte first = needle[0];
        int last = to - needle.length;
        for (int i = from; i <= last; i++) {
            if (data[i] == first && regionEquals(data, i, needle)) {
                return i;
            }
        }
        return -1;
    }
}
