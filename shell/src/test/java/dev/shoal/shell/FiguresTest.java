package dev.shoal.shell;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FiguresTest {
    @Test
    void bytesCountsAndSecondsReadAsTheShellPrintsThem() {
        assertEquals("812 B", Figures.bytes(812));
        assertEquals("45.3 kB", Figures.bytes(45_300));
        assertEquals("1.2 GB", Figures.bytes(1.2e9));
        assertEquals("950", Figures.count(950));
        assertEquals("12.4K", Figures.count(12_400));
        assertEquals("31.0M", Figures.count(31_000_000));
        assertEquals("0.53 s", Figures.seconds(530));
    }
}
