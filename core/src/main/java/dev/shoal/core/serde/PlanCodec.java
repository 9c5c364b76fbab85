package dev.shoal.core.serde;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shoal.core.error.ErrorCode;
import dev.shoal.core.error.ShoalException;
import dev.shoal.core.plan.PlanFragment;
import dev.shoal.core.task.TaskDescriptor;

import java.io.IOException;
import java.util.List;

/**
 * Serializes plan fragments and task descriptors for the trip from coordinator to worker. JSON:
 * readable in logs and tests, and small next to the data a fragment moves.
 */
public final class PlanCodec {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    private PlanCodec() {
    }

    public static byte[] encode(PlanFragment fragment) {
        return write(fragment);
    }

    public static PlanFragment decode(byte[] bytes) {
        return read(bytes, PlanFragment.class);
    }

    public static byte[] encodeTask(TaskDescriptor task) {
        return write(task);
    }

    public static TaskDescriptor decodeTask(byte[] bytes) {
        return read(bytes, TaskDescriptor.class);
    }

    /** Any JSON-shaped value of the cluster protocol (announcements, statuses). */
    public static byte[] write(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new ShoalException(ErrorCode.INTERNAL_ERROR, "cannot serialize " + value.getClass().getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    public static <T> List<T> readList(byte[] bytes, Class<T> elementType) {
        try {
            return MAPPER.readValue(bytes, MAPPER.getTypeFactory().constructCollectionType(List.class, elementType));
        } catch (IOException e) {
            throw new ShoalException(ErrorCode.INTERNAL_ERROR, "cannot read " + elementType.getSimpleName() + " list: " + e.getMessage(), e);
        }
    }

    public static <T> T read(byte[] bytes, Class<T> type) {
        try {
            return MAPPER.readValue(bytes, type);
        } catch (IOException e) {
            throw new ShoalException(ErrorCode.INTERNAL_ERROR, "cannot read " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }
}
