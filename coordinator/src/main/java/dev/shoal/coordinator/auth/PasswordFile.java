package dev.shoal.coordinator.auth;

import at.favre.lib.crypto.bcrypt.BCrypt;
import dev.shoal.core.error.ErrorCode;
import dev.shoal.core.error.ShoalException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Users and their bcrypt password hashes, one {@code user:hash} per line as Trino's password file
 * (and htpasswd -B) writes them; {@code #} starts a comment. Only hashes are kept: the file holds no
 * password, and {@link #verify} compares in bcrypt's own time.
 */
public final class PasswordFile {
    /** A hash of nothing anyone types, checked for unknown users. */
    private static final byte[] UNKNOWN_USER_HASH = BCrypt.withDefaults().hash(10, "no such user\u0000".toCharArray());

    private final Map<String, String> hashes;

    private PasswordFile(Map<String, String> hashes) {
        this.hashes = Map.copyOf(hashes);
    }

    public static PasswordFile load(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ShoalException(ErrorCode.INVALID_ARGUMENT, "cannot read the password file " + file + ": " + e.getMessage());
        }
        Map<String, String> hashes = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).trim();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int colon = line.indexOf(':');
            String hash = colon < 0 ? "" : line.substring(colon + 1);
            if (colon <= 0 || !hash.matches("\\$2[aby]\\$\\d\\d\\$.{53}")) {
                // The line itself is not printed: it could be a password pasted by mistake.
                throw new ShoalException(ErrorCode.INVALID_ARGUMENT, "password file " + file + " line " + (i + 1)
                        + " is not user:bcrypt-hash (create hashes with htpasswd -nbB user password)");
            }
            hashes.put(line.substring(0, colon), hash);
        }
        return new PasswordFile(hashes);
    }

    /** Whether {@code password} is the user's; an unknown user costs the same bcrypt work, so timing tells nothing. */
    boolean verify(String user, String password) {
        String hash = hashes.get(user);
        char[] given = password == null ? new char[0] : password.toCharArray();
        if (hash == null) {
            BCrypt.verifyer().verify(given, UNKNOWN_USER_HASH);
            return false;
        }
        return BCrypt.verifyer().verify(given, hash.getBytes(StandardCharsets.UTF_8)).verified;
    }
}
