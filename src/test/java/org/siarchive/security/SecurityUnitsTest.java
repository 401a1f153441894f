package org.siarchive.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.apache.commons.codec.binary.Base32;
import org.junit.jupiter.api.Test;
import org.siarchive.crypto.Masks;

/** TOTP against the RFC 6238 test vectors, the password rules and the display masks. */
class SecurityUnitsTest {

    private static final String RFC_SECRET =
            new Base32().encodeToString("12345678901234567890".getBytes(StandardCharsets.US_ASCII));

    @Test
    void totpMatchesRfc6238() {
        // RFC 6238 appendix B (SHA-1), last six digits
        assertThat(Totp.code(RFC_SECRET, Totp.step(59))).isEqualTo("287082");
        assertThat(Totp.code(RFC_SECRET, Totp.step(1111111109))).isEqualTo("081804");
        assertThat(Totp.code(RFC_SECRET, Totp.step(1234567890))).isEqualTo("005924");
        assertThat(Totp.code(RFC_SECRET, Totp.step(2000000000))).isEqualTo("279037");
    }

    @Test
    void aCodeIsAcceptedOnceAndOnlyNearNow() {
        long now = 1234567890;
        String code = Totp.code(RFC_SECRET, Totp.step(now));
        long step = Totp.matchingStep(RFC_SECRET, code, now, 0);
        assertThat(step).isEqualTo(Totp.step(now));
        assertThat(Totp.matchingStep(RFC_SECRET, code, now, step)).as("replay").isEqualTo(-1);
        assertThat(Totp.matchingStep(RFC_SECRET, code, now + 120, 0))
                .as("too late")
                .isEqualTo(-1);
        assertThat(Totp.matchingStep(RFC_SECRET, "12345", now, 0)).isEqualTo(-1);
    }

    @Test
    void passwordRules() {
        assertThat(Passwords.check("Abcdef1!", "zhang", 8, 3)).isEmpty();
        assertThat(Passwords.check("abcdefgh", "zhang", 8, 3))
                .extracting(v -> v.rule())
                .containsExactly("passwordClasses");
        assertThat(Passwords.check("Ab1!", "zhang", 8, 3))
                .extracting(v -> v.rule())
                .containsExactly("passwordLength");
        assertThat(Passwords.check("Zhang-2024x", "zhang", 8, 3))
                .extracting(v -> v.rule())
                .containsExactly("passwordContainsUsername");
        for (int i = 0; i < 50; i++) {
            assertThat(Passwords.check(Passwords.oneTime(), "nobody-here", 8, 4))
                    .isEmpty();
        }
    }

    @Test
    void masksKeepOnlyTheConventionalEnds() {
        assertThat(Masks.idNumber("11010519491231002X")).isEqualTo("110105********002X");
        assertThat(Masks.phone("13812345678")).isEqualTo("138****5678");
        assertThat(Masks.bankAccount("6222020200112233445")).isEqualTo("622202*********3445");
        assertThat(Masks.name("欧阳修")).isEqualTo("欧**");
        assertThat(Masks.idNumber(null)).isNull();
        assertThat(Masks.idNumber("1234")).doesNotContain("12");
    }
}
