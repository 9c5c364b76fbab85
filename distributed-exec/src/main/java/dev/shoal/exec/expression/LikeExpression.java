package dev.shoal.exec.expression;

import dev.shoal.core.batch.Batch;
import dev.shoal.core.batch.BooleanVector;
import dev.shoal.core.batch.ColumnVector;
import dev.shoal.core.batch.VarcharVector;
import dev.shoal.core.expr.LikePatterns;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * value LIKE constant pattern. A pattern whose only wildcard is '%' ('abc%', '%BRASS',
 * '%special%requests%') is matched on the UTF-8 bytes: a prefix, a suffix, and the pieces between
 * found in order. Anything else ('_', an escape) compiles to a regular expression once.
 */
final class LikeExpression implements VectorExpression {
    private final VectorExpression value;
    /** The pattern cut at each '%': first must start the value, last must end it, the rest occur in order. */
    private final byte[][] pieces;
    private final Pattern regex;

    LikeExpression(VectorExpression value, String pattern, Character escape) {
        this.value = value;
        if (escape == null && pattern.indexOf('_') < 0) {
            String[] parts = pattern.split("%", -1);
            pieces = new byte[parts.length][];
            for (int i = 0; i < parts.length; i++) {
                pieces[i] = parts[i].getBytes(StandardCharsets.UTF_8);
            }
            regex = null;
        } else {
            pieces = null;
            regex = Pattern.compile(LikePatterns.toRegex(pattern, escape), Pattern.DOTALL);
        }
    }

    private boolean matches(byte[] data, int start, int length) {
        int end = start + length;
        byte[] first = pieces[0];
        if (pieces.length == 1) {
            return length == first.length && regionEquals(data, start, first);
        }
        byte[] last = pieces[pieces.length - 1];
        if (length < first.length + last.length || !regionEquals(data, start, first)
                || !regionEquals(data, end - last.length, last)) {
            return false;
        }
        int from = start + first.length;
        int to = end - last.length;
        for (int p = 1; p < pieces.length - 1; p++) {
            int at = indexOf(data, from, to, pieces[p]);
            if (at < 0) {
                return false;
            }
            from = at + pieces[p].length;
        }
        return true;
    }

    @Override
    public ColumnVector evaluate(Batch batch) {
        VarcharVector v = (VarcharVector) value.evaluate(batch);
        int n = v.size();
        boolean[] out = new boolean[n];
        byte[] data = v.data();
        for (int i = 0; i < n; i++) {
            out[i] = regex == null ? matches(data, v.start(i), v.length(i)) : regex.matcher(v.getString(i)).matches();
        }
        return new BooleanVector(out, v.nulls(), n);
    }

    private static boolean regionEquals(byte[] data, int from, byte[] literal) {
        return Arrays.equals(data, from, from + literal.length, literal, 0, literal.length);
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
