package dev.shoal.launcher.cli;

import picocli.CommandLine;

import java.util.Locale;

/** Sizes such as {@code 512kB}, {@code 32MB}, {@code 1GB} or plain bytes, for command-line options. */
public final class ByteSizeConverter implements CommandLine.ITypeConverter<Long> {
    @Override
    public Long convert(String value) {
        String text = value.trim().toUpperCase(Locale.ROOT).replace("IB", "B");
        long unit = 1;
        if (text.endsWith("KB")) {
            unit = 1L << 10;
        } else if (text.endsWith("MB")) {
            unit = 1L << 20;
        } else if (text.endsWith("GB")) {
            unit = 1L << 30;
        }
        String number = unit == 1 ? text.replaceAll("B$", "") : text.substring(0, text.length() - 2);
        try {
            return Math.round(Double.parseDouble(number.trim()) * unit);
        } catch (NumberFormatException e) {
            throw new CommandLine.TypeConversionException("not a size: '" + value + "' (examples: 1048576, 512kB, 32MB)");
        }
    }
}
