package dev.shoal.core.session;

import dev.shoal.core.error.ErrorCode;
import dev.shoal.core.error.ShoalException;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SessionPropertiesTest {
    private final SessionProperties defaults = SessionProperties.withDefaults(Map.of(
            SessionProperty.JOIN_MAX_BROADCAST_TABLE_SIZE, "32MB", SessionProperty.QUERY_MAX_RUN_TIME, "100d"));

    @Test
    void setValuesOverrideDefaultsUntilReset() {
        assertEquals(Optional.of(32L << 20), defaults.bytes(SessionProperty.JOIN_MAX_BROADCAST_TABLE_SIZE));
        SessionProperties set = defaults.with(SessionProperty.JOIN_MAX_BROADCAST_TABLE_SIZE, "1GB");
        assertEquals(Optional.of(1L << 30), set.bytes(SessionProperty.JOIN_MAX_BROADCAST_TABLE_SIZE));
        assertEquals("32MB", set.defaultValue(SessionProperty.JOIN_MAX_BROADCAST_TABLE_SIZE));
        assertEquals(Optional.of(32L << 20), set.reset(SessionProperty.JOIN_MAX_BROADCAST_TABLE_SIZE)
                .bytes(SessionProperty.JOIN_MAX_BROADCAST_TABLE_SIZE));
    }

    @Test
    void sizesAndDurationsAreWrittenAsTrinoWritesThem() {
        assertEquals("10GB", SessionProperty.QUERY_MAX_SCAN_SIZE.canonical("10 GB"));
        assertEquals("1.50kB", SessionProperty.QUERY_MAX_SCAN_SIZE.canonical("1536B"));
        assertEquals("10.00m", SessionProperty.QUERY_MAX_RUN_TIME.canonical("10m"));
        assertEquals(Optional.of(600_000L), defaults.with(SessionProperty.QUERY_MAX_RUN_TIME, "10m").millis(SessionProperty.QUERY_MAX_RUN_TIME));
    }

    @Test
    void anEmptyLimitIsNoLimit() {
        SessionProperties none = defaults.with(SessionProperty.QUERY_MAX_SCAN_SIZE, "");
        assertTrue(none.bytes(SessionProperty.QUERY_MAX_SCAN_SIZE).isEmpty());
        ShoalException e = assertThrows(ShoalException.class, () -> defaults.with(SessionProperty.JOIN_MAX_BROADCAST_TABLE_SIZE, " "));
        assertTrue(e.getMessage().contains("join_max_broadcast_table_size"), e.getMessage());
    }

    @Test
    void badValuesAndUnknownNamesAreNamed() {
        ShoalException size = assertThrows(ShoalException.class, () -> SessionProperty.QUERY_MAX_SCAN_SIZE.canonical("ten gigs"));
        assertEquals(ErrorCode.INVALID_SESSION_PROPERTY, size.code());
        assertTrue(size.getMessage().contains("'ten gigs'") && size.getMessage().contains("'10GB'"), size.getMessage());
        ShoalException name = assertThrows(ShoalException.class, () -> SessionProperty.named("query_max_scan"));
        assertTrue(name.getMessage().contains("query_max_scan does not exist"), name.getMessage());
        assertEquals(SessionProperty.QUERY_MAX_RUN_TIME, SessionProperty.named("QUERY_MAX_RUN_TIME"));
    }
}
