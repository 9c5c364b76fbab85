package dev.shoal.exec.exchange;

import dev.shoal.core.error.ErrorCode;
import dev.shoal.core.error.ShoalException;
import org.apache.arrow.flight.FlightServer;
import org.apache.arrow.flight.Location;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/** A process's Flight server: task output streams and control actions on one port. */
public final class FlightEndpoint implements AutoCloseable {
    private final BufferAllocator allocator;
    private final FlightServer server;
    private final ExecutorService executor;
    private final String host;

    private FlightEndpoint(BufferAllocator allocator, FlightServer server, ExecutorService executor, String host) {
        this.allocator = allocator;
        this.server = server;
        this.executor = executor;
        this.host = host;
    }

    /** Starts serving on {@code host:port} (port 0: any free port). */
    public static FlightEndpoint start(String host, int port, OutputBufferSource buffers, Map<String, ActionHandler> actions) {
        BufferAllocator allocator = new RootAllocator();
        // Streams block while waiting for task output: give each call its own thread.
        ExecutorService executor = Executors.newCachedThreadPool(Threads.daemon("shoal-flight"));
        FlightServer server = FlightServer.builder(allocator, Location.forGrpcInsecure(host, port),
                        new ExchangeService(allocator, buffers, actions))
                .executor(executor)
                .build();
        try {
            server.start();
        } catch (IOException e) {
            executor.shutdownNow();
            allocator.close();
            throw new ShoalException(ErrorCode.INTERNAL_ERROR, "cannot listen on " + host + ":" + port + ": " + e.getMessage(), e);
        }
        return new FlightEndpoint(allocator, server, executor, host);
    }

    public String host() {
        return host;
    }

    public int port() {
        return server.getPort();
    }

    @Override
    public void close() {
        try {
            server.shutdown();
            if (!server.awaitTermination(2, TimeUnit.SECONDS)) {
                server.close();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception ignored) {
            // Closing anyway.
        }
        executor.shutdownNow();
        try {
            allocator.close();
        } catch (IllegalStateException leaked) {
            // Streams cut mid-way may still hold buffers; the process is going away.
        }
    }
}
