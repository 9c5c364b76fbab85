package dev.shoal.coordinator.auth;

import dev.shoal.core.error.ErrorCode;
import dev.shoal.core.error.ShoalException;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who may connect: with a {@link PasswordFile}, a user whose password matches its hash; without
 * one, anyone under the name they give (as Trino without an authenticator). Repeated failures for
 * a user are slowed: each one after the first waits twice as long as the last, up to
 * {@link #MAX_DELAY_MILLIS}, and a success clears the count. Admins see and kill every user's queries.
 */
public final class Authenticator {
    static final long FIRST_DELAY_MILLIS = 200;
    static final long MAX_DELAY_MILLIS = 5000;

    private final Optional<PasswordFile> passwords;
    private final Set<String> admins;
    private final Map<String, Integer> failures = new ConcurrentHashMap<>();

    public Authenticator(Optional<PasswordFile> passwords, Set<String> admins) {
        this.passwords = passwords;
        this.admins = Set.copyOf(admins);
    }

    public static Authenticator open() {
        return new Authenticator(Optional.empty(), Set.of());
    }

    /** Whether users prove who they are; only then are their queries kept from other users. */
    public boolean isEnabled() {
        return passwords.isPresent();
    }

    public boolean isAdmin(String user) {
        return admins.contains(user);
    }

    /** Checks the user's password, or fails with 28000 naming the user (never the password) after the failure delay. */
    public void authenticate(String user, String password) {
        if (passwords.isEmpty()) {
            return;
        }
        String name = user == null ? "" : user;
        if (passwords.get().verify(name, password)) {
            failures.remove(name);
            return;
        }
        int count = failures.merge(name, 1, Integer::sum);
        long delay = delayMillis(count);
        if (delay > 0) {
            try {
                Thread.sleep(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        throw new ShoalException(ErrorCode.AUTHENTICATION_FAILED, "authentication failed for user '" + name
                + "': wrong user name or password");
    }

    /** No wait for a first failure; then 200 ms, 400 ms, ... up to 5 s. */
    static long delayMillis(int failureCount) {
        if (failureCount <= 1) {
            return 0;
        }
        return Math.min(MAX_DELAY_MILLIS, FIRST_DELAY_MILLIS << Math.min(failureCount - 2, 10));
    }
}
