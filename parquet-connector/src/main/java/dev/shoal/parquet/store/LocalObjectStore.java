package dev.shoal.parquet.store;

import dev.shoal.core.error.ErrorCode;
import dev.shoal.core.error.ShoalException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Objects as files on the local filesystem ({@code file:} locations). */
public final class LocalObjectStore implements ObjectStore {
    @Override
    public long length(Location location) {
        try {
            return Files.size(path(location));
        } catch (NoSuchFileException e) {
            throw notFound(location);
        } catch (IOException e) {
            throw new ShoalException(ErrorCode.STORAGE_ERROR, "cannot read " + location + ": " + e.getMessage(), e);
        }
    }

    @Override
    public byte[] read(Location location, long offset, int length) {
        try (FileChannel channel = FileChannel.open(path(location), StandardOpenOption.READ)) {
            ByteBuffer buffer = ByteBuffer.allocate(length);
            while (buffer.hasRemaining()) {
                if (channel.read(buffer, offset + buffer.position()) < 0) {
                    throw new ShoalException(ErrorCode.CORRUPT_FILE, "unexpected end of file " + location);
                }
            }
            return buffer.array();
        } catch (NoSuchFileException e) {
            throw notFound(location);
        } catch (IOException e) {
            throw new ShoalException(ErrorCode.STORAGE_ERROR, "cannot read " + location + ": " + e.getMessage(), e);
        }
    }

    @Override
    public List<ObjectInfo> list(Location prefix) {
        Path dir = path(prefix);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile)
                    .sorted(Comparator.comparing(Path::toString))
                    .map(p -> new ObjectInfo(Location.ofFile(p), sizeOf(p), modified(p)))
                    .toList();
        } catch (IOException e) {
            throw new ShoalException(ErrorCode.STORAGE_ERROR, "cannot list " + prefix + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void write(Location location, byte[] content) {
        Path target = path(location);
        try {
            Files.createDirectories(target.getParent());
            // Write beside, then move: readers never see a half-written file.
            Path temp = Files.createTempFile(target.getParent(), ".shoal-", ".tmp");
            Files.write(temp, content);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new ShoalException(ErrorCode.STORAGE_ERROR, "cannot write " + location + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void delete(Location location) {
        try {
            Files.deleteIfExists(path(location));
        } catch (IOException e) {
            throw new ShoalException(ErrorCode.STORAGE_ERROR, "cannot delete " + location + ": " + e.getMessage(), e);
        }
    }

    private static String modified(Path path) {
        try {
            return Long.toString(Files.getLastModifiedTime(path).to(TimeUnit.NANOSECONDS));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long sizeOf(Path path) {
        try {
            return Files.size(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path path(Location location) {
        if (location.isS3()) {
            throw new IllegalArgumentException("not a local location: " + location);
        }
        return Path.of(location.key());
    }

    private static ShoalException notFound(Location location) {
        return new ShoalException(ErrorCode.FILE_NOT_FOUND, "file not found: " + location);
    }
}
