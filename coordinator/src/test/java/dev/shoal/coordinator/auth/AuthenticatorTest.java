package dev.shoal.coordinator.auth;

import at.favre.lib.crypto.bcrypt.BCrypt;
import dev.shoal.core.error.ErrorCode;
import dev.shoal.core.error.ShoalException;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AuthenticatorTest {
    @Test
    void failuresWaitLongerEachTimeUpToALimit() {
        assertEquals(0, Authenticator.delayMillis(1));
        assertEquals(200, Authenticator.delayMillis(2));
        assertEquals(400, Authenticator.delayMillis(3));
        assertEquals(Authenticator.MAX_DELAY_MILLIS, Authenticator.delayMillis(40));
    }

    @Test
    void theFileHoldsBcryptHashesAndABadLineIsNamedWithoutItsText() throws Exception {
        Path file = Files.createTempFile("passwords", ".db");
        Files.writeString(file, "# comment\n\ncat:" + BCrypt.withDefaults().hashToString(4, "meow".toCharArray()) + "\n");
        Authenticator authenticator = new Authenticator(Optional.of(PasswordFile.load(file)), Set.of());
        assertTrue(authenticator.isEnabled());
        assertDoesNotThrow(() -> authenticator.authenticate("cat", "meow"));
        ShoalException wrong = assertThrows(ShoalException.class, () -> authenticator.authenticate("cat", "woof"));
        assertEquals(ErrorCode.AUTHENTICATION_FAILED, wrong.code());
        assertThrows(ShoalException.class, () -> authenticator.authenticate(null, null));

        Files.writeString(file, "dog:plain-password\n");
        ShoalException bad = assertThrows(ShoalException.class, () -> PasswordFile.load(file));
        assertTrue(bad.getMessage().contains("line 1") && !bad.getMessage().contains("plain-password"), bad.getMessage());
    }

    @Test
    void withoutAFileAnyoneConnects() {
        Authenticator open = Authenticator.open();
        assertFalse(open.isEnabled());
        assertDoesNotThrow(() -> open.authenticate("anyone", null));
    }
}
