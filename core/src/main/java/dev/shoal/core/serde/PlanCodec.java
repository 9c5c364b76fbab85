package dev.shoal.core.serde;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shoal.core.error.ErrorCode;
import dev.shoal.core.error.ShoalException;
import dev.shoal.core.plan.PlanFragment;

import java.io.IOException;

/**
 * Serializes plan fragments for the trip from coordinator to worker. JSON: readable in logs and
 * tests, and small next to the data a fragment moves.
 */
public final class PlanCodec {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    private PlanCodec() {
    }

    public static byte[] encode(PlanFragment fragment) {
        try {
            return MAPPER.writeValueAsBytes(fragment);
        } catch (JsonProcessingException e) {
            throw new ShoalException(ErrorCode.INTERNAL_ERROR, "cannot serialize plan fragment: " + e.getMessage(), e);
        }
    }

    public static PlanFragment decode(byte[] bytes) {
        try {
            return MAPPER.readValue(bytes, PlanFragment.class);
        } catch (IOException e) {
            throw new ShoalException(ErrorCode.INTERNAL_ERROR, "cannot read plan fragment: " + e.getMessage(), e);
        }
    }
}
