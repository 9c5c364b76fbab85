package dev.shoal.exec.memory;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Operators' reservations roll up into their task and worker pool, with peaks, and are released. */
class MemoryPoolTest {
    @Test
    void reservationsRollUpAndPeaksRemainAfterRelease() {
        MemoryPool pool = new MemoryPool();
        TaskMemory first = pool.newTask();
        TaskMemory second = pool.newTask();
        OperatorMemory sort = first.operator("Sort");
        OperatorMemory buffer = first.operator("OutputBuffer");
        OperatorMemory join = second.operator("HashJoin");
        sort.setBytes(1000);
        buffer.setBytes(200);
        join.setBytes(5000);
        assertEquals(1200, first.reservedBytes());
        assertEquals(6200, pool.reservedBytes());
        sort.setBytes(400);
        assertEquals(1200, first.peakBytes());
        assertEquals(5600, pool.reservedBytes());
        assertEquals(6200, pool.peakBytes());
        // A task's end releases its operators, but not its output buffer's batches, which consumers still read.
        first.closeAllBut(buffer);
        assertEquals(200, first.reservedBytes());
        assertEquals(0, sort.bytes());
        assertEquals(1000, sort.peakBytes());
        buffer.free();
        join.free();
        assertEquals(0, pool.reservedBytes());
        assertEquals(6200, pool.peakBytes());
    }
}
