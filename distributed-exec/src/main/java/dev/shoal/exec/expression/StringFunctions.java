package dev.shoal.exec.expression;

/** String functions over Java strings, counting in code points as SQL does. */
final class StringFunctions {
    private StringFunctions() {
    }

    /**
     * Trino's substr(s, start [, length]), which substring and SUBSTRING(s FROM start FOR length) are too: 1-based; a negative start counts from the end; start 0,
     * a start outside the string or a length below 1 give ''.
     */
    static Object substr(Object[] v) {
        String s = (String) v[0];
        long start = (Long) v[1];
        long length = v.length > 2 ? (Long) v[2] : Long.MAX_VALUE;
        int codePoints = s.codePointCount(0, s.length());
        long from = start > 0 ? start : codePoints + start + 1;
        if (start == 0 || length < 1 || from < 1 || from > codePoints) {
            return "";
        }
        long to = Math.min(codePoints + 1L, from + Math.min(length, codePoints));
        int begin = s.offsetByCodePoints(0, (int) (from - 1));
        return s.substring(begin, s.offsetByCodePoints(begin, (int) (to - from)));
    }

    static Object concat(Object[] v) {
        StringBuilder out = new StringBuilder();
        for (Object part : v) {
            out.append((String) part);
        }
        return out.toString();
    }
}
