package dev.shoal.shell;

import java.util.Locale;

/** Counts as the shell prints them: 812 B, 45.3 kB, 1.2 GB; 950, 12.4K, 3.1M rows. */
final class Figures {
    private Figures() {
    }

    static String bytes(double bytes) {
        String[] units = {"B", "kB", "MB", "GB", "TB"};
        int unit = 0;
        while (bytes >= 1000 && unit < units.length - 1) {
            bytes /= 1000;
            unit++;
        }
        return unit == 0 ? String.format(Locale.ROOT, "%.0f B", bytes) : String.format(Locale.ROOT, "%.1f %s", bytes, units[unit]);
    }

    static String count(double count) {
        if (count < 10_000) {
            return String.format(Locale.ROOT, "%.0f", count);
        }
        return count < 10_000_000 ? String.format(Locale.ROOT, "%.1fK", count / 1e3) : String.format(Locale.ROOT, "%.1fM", count / 1e6);
    }

    static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.2f s", millis / 1000.0);
    }
}
