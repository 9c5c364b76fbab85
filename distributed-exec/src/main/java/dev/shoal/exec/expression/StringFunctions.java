package dev.shoal.exec.expression;

/** String functions over Java strings, counting in code points as SQL does. */
final class StringFunctions {
    private StringFunctions() {
    }

    /** SUBSTRING(s FROM start [FOR length]), 1-based; a start before 1 eats into the length. */
    static Object substring(Object[] v) {
        String s = (String) v[0];
        long start = (Long) v[1];
        int codePoints = s.codePointCount(0, s.length());
        long end = v.length > 2 ? start + (Long) v[2] : Long.MAX_VALUE;
        long from = Math.max(start, 1);
        long to = Math.min(end, codePoints + 1L);
        if (to <= from) {
            return "";
        }
        int begin = s.offsetByCodePoints(0, (int) (from - 1));
        int finish = s.offsetByCodePoints(begin, (int) (to - from));
        return s.substring(begin, finish);
    }

    static Object concat(Object[] v) {
        StringBuilder out = new StringBuilder();
        for (Object part : v) {
            out.append((String) part);
        }
        return out.toString();
    }
}
