package dev.shoal.launcher.cli;

import io.airlift.units.Duration;
import picocli.CommandLine;

/** Durations as Trino spells them ({@code 500ms}, {@code 2s}, {@code 5m}), in milliseconds, for command-line options. */
public final class DurationConverter implements CommandLine.ITypeConverter<Long> {
    @Override
    public Long convert(String value) {
        try {
            return Duration.valueOf(value.trim()).toMillis();
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException("not a duration: '" + value + "' (examples: 500ms, 2s, 5m)");
        }
    }
}
