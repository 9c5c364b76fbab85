package dev.shoal.tests;

import dev.shoal.launcher.local.TpchDemoData;
import dev.shoal.parquet.store.LocalObjectStore;
import dev.shoal.parquet.store.Location;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class TpchDemoDataTest {
    @TempDir
    Path dir;

    @Test
    void generatingAtAnotherScaleReplacesTheMarkerOfTheOldOne() throws IOException {
        LocalObjectStore store = new LocalObjectStore();
        Location root = Location.ofFile(dir).asDirectory();
        TpchDemoData.ensure(store, root, 0.001);
        long small = Files.size(dir.resolve("lineitem/part-1.parquet"));

        TpchDemoData.ensure(store, root, 0.002);

        // Once the files hold SF 0.002, a marker saying SF 0.001 would make the next run at that scale skip generation.
        assertEquals(List.of("_shoal_generated_sf0.002"), markers());
        assertNotEquals(small, Files.size(dir.resolve("lineitem/part-1.parquet")));
    }

    @Test
    void aCompleteGenerationIsKept() throws IOException {
        LocalObjectStore store = new LocalObjectStore();
        Location root = Location.ofFile(dir).asDirectory();
        TpchDemoData.ensure(store, root, 0.001);
        long modified = Files.getLastModifiedTime(dir.resolve("lineitem/part-1.parquet")).toMillis();

        TpchDemoData.ensure(store, root, 0.001);

        assertEquals(modified, Files.getLastModifiedTime(dir.resolve("lineitem/part-1.parquet")).toMillis());
        assertEquals(List.of("_shoal_generated_sf0.001"), markers());
    }

    private List<String> markers() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("_shoal_generated")).sorted().toList();
        }
    }
}
