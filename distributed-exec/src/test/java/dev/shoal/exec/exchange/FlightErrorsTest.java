package dev.shoal.exec.exchange;

import dev.shoal.core.error.ErrorCode;
import dev.shoal.core.error.ShoalException;
import org.apache.arrow.flight.CallStatus;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FlightErrorsTest {
    @Test
    void anErrorCrossesAFlightCallWithItsCodeAndMessage() {
        ShoalException back = FlightErrors.fromFlight(FlightErrors.toFlight(
                new ShoalException(ErrorCode.DIVISION_BY_ZERO, "division by zero")), "worker-1 (127.0.0.1:1)");
        assertEquals(ErrorCode.DIVISION_BY_ZERO, back.code());
        assertEquals("division by zero", back.getMessage());
        assertEquals(Optional.empty(), back.lostWorker());
    }

    /** A worker relays that it lost another: the coordinator learns which one without reading the text. */
    @Test
    void aLostWorkerStaysNamedAcrossACall() {
        ShoalException lost = ShoalException.workerLost("worker-2 (10.0.0.2:8790)", "lost contact with worker worker-2 (10.0.0.2:8790): gone", null);
        ShoalException back = FlightErrors.fromFlight(FlightErrors.toFlight(lost), "worker-1 (127.0.0.1:1)");
        assertEquals(ErrorCode.WORKER_LOST, back.code());
        assertEquals(Optional.of("worker-2 (10.0.0.2:8790)"), back.lostWorker());
        assertEquals(lost.getMessage(), back.getMessage());
    }

    @Test
    void aBrokenTransportIsTheLossOfThePeer() {
        ShoalException back = FlightErrors.fromFlight(CallStatus.UNAVAILABLE.withDescription("connection refused").toRuntimeException(),
                "worker-1 (127.0.0.1:1)");
        assertEquals(ErrorCode.WORKER_LOST, back.code());
        assertEquals(Optional.of("worker-1 (127.0.0.1:1)"), back.lostWorker());
    }
}
