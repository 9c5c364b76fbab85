package dev.shoal.coordinator.lifecycle;

import java.security.SecureRandom;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Query ids in Trino's form {@code YYYYMMDD_HHMMSS_NNNNN_xxxxx}: the UTC time the query was
 * submitted, a counter, and five letters naming this coordinator process, so that ids from two
 * coordinators sharing a catalog (and its history) never collide.
 */
public final class QueryIds {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss");
    private static final String LETTERS = "abcdefghijkmnpqrstuvwxyz23456789";

    private final String coordinator;
    private final AtomicLong counter = new AtomicLong();

    public QueryIds() {
        SecureRandom random = new SecureRandom();
        StringBuilder name = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            name.append(LETTERS.charAt(random.nextInt(LETTERS.length())));
        }
        this.coordinator = name.toString();
    }

    public String next() {
        long n = counter.getAndIncrement() % 100_000;
        return LocalDateTime.now(ZoneOffset.UTC).format(TIME) + String.format("_%05d_", n) + coordinator;
    }
}
