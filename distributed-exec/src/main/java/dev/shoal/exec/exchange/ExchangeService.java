package dev.shoal.exec.exchange;

import dev.shoal.core.batch.Batch;
import dev.shoal.core.error.ErrorCode;
import dev.shoal.core.error.ShoalException;
import org.apache.arrow.flight.Action;
import org.apache.arrow.flight.CallStatus;
import org.apache.arrow.flight.NoOpFlightProducer;
import org.apache.arrow.flight.Result;
import org.apache.arrow.flight.Ticket;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;

import java.util.Map;
import java.util.concurrent.locks.LockSupport;

/**
 * The Flight producer of a Shoal process. DoGet streams one partition of a task's output buffer
 * as Arrow record batches, taking a batch only when the consumer's gRPC stream is ready for it,
 * so a slow consumer leaves batches in the bounded buffer and its producer waits. DoAction serves
 * control calls by name (create task, cancel, statistics, worker announcements).
 */
public final class ExchangeService extends NoOpFlightProducer {

    private final BufferAllocator allocator;
    private final OutputBufferSource buffers;
    private final Map<String, ActionHandler> actions;

    public ExchangeService(BufferAllocator allocator, OutputBufferSource buffers, Map<String, ActionHandler> actions) {
        this.allocator = allocator;
        this.buffers = buffers;
        this.actions = Map.copyOf(actions);
    }

    @Override
    public void getStream(CallContext context, Ticket ticket, ServerStreamListener listener) {
        ExchangeTicket request = ExchangeTicket.parse(ticket);
        OutputBuffer buffer = buffers.await(request.taskId(), listener::isCancelled);
        if (buffer == null) {
            listener.error(FlightErrors.toFlight(new ShoalException(ErrorCode.QUERY_CANCELED,
                    "task " + request.taskId() + " is not running here (canceled or never started)")));
            return;
        }
        int partition = request.partition();
        try (VectorSchemaRoot root = ArrowBatches.createRoot(buffer.types(), allocator)) {
            listener.start(root);
            while (!listener.isCancelled()) {
                while (!listener.isReady() && !listener.isCancelled()) {
                    LockSupport.parkNanos(200_000);
                }
                Batch batch = buffer.poll(partition, OutputBuffer.POLL_MILLIS);
                if (batch == null) {
                    if (buffer.isDrained(partition)) {
                        listener.completed();
                        return;
                    }
                    continue;
                }
                ArrowBatches.fill(root, batch);
                buffer.recordSent(partition, batch.rowCount(), ArrowBatches.bufferBytes(root));
                listener.putNext();
            }
        } catch (Throwable error) {
            listener.error(FlightErrors.toFlight(error));
        }
    }

    @Override
    public void doAction(CallContext context, Action action, StreamListener<Result> listener) {
        ActionHandler handler = actions.get(action.getType());
        if (handler == null) {
            listener.onError(CallStatus.UNIMPLEMENTED.withDescription("unknown action " + action.getType()).toRuntimeException());
            return;
        }
        try {
            listener.onNext(new Result(handler.handle(action.getBody())));
            listener.onCompleted();
        } catch (Throwable error) {
            listener.onError(FlightErrors.toFlight(error));
        }
    }
}
