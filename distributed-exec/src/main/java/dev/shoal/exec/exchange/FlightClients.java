package dev.shoal.exec.exchange;

import org.apache.arrow.flight.Action;
import org.apache.arrow.flight.CallOptions;
import org.apache.arrow.flight.FlightClient;
import org.apache.arrow.flight.FlightRuntimeException;
import org.apache.arrow.flight.Location;
import org.apache.arrow.flight.Result;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;

import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * One Flight client per peer (gRPC multiplexes calls over its connection), the allocator the
 * received record batches live in, and the threads that read exchange streams.
 */
public final class FlightClients implements AutoCloseable {
    private static final long ACTION_TIMEOUT_SECONDS = 30;

    private final BufferAllocator allocator = new RootAllocator();
    private final Map<String, FlightClient> clients = new ConcurrentHashMap<>();
    private final ExecutorService readers = Executors.newCachedThreadPool(Threads.daemon("shoal-exchange-reader"));

    public FlightClient client(String host, int port) {
        return clients.computeIfAbsent(host + ":" + port,
                key -> FlightClient.builder(allocator, Location.forGrpcInsecure(host, port)).build());
    }

    BufferAllocator allocator() {
        return allocator;
    }

    ExecutorService readers() {
        return readers;
    }

    /** Calls a control action on a peer; failures come back as ShoalExceptions naming the peer. */
    public byte[] call(String host, int port, String peerName, String action, byte[] body) {
        try {
            Iterator<Result> results = client(host, port).doAction(new Action(action, body),
                    CallOptions.timeout(ACTION_TIMEOUT_SECONDS, TimeUnit.SECONDS));
            byte[] response = new byte[0];
            while (results.hasNext()) {
                response = results.next().getBody();
            }
            return response;
        } catch (FlightRuntimeException e) {
            throw FlightErrors.fromFlight(e, peerName);
        }
    }

    /** Drops the connection to a peer that went away, so a restarted peer gets a fresh one. */
    public void forget(String host, int port) {
        FlightClient client = clients.remove(host + ":" + port);
        if (client != null) {
            closeQuietly(client);
        }
    }

    private static void closeQuietly(FlightClient client) {
        try {
            client.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException ignored) {
            // Closing anyway.
        }
    }

    @Override
    public void close() {
        readers.shutdownNow();
        clients.values().forEach(FlightClients::closeQuietly);
        clients.clear();
        try {
            allocator.close();
        } catch (IllegalStateException leaked) {
            // A stream cut mid-way may still hold buffers at shutdown.
        }
    }
}
