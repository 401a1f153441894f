package org.siarchive.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The key escrow opens with its passphrase only, and refuses a weak passphrase or an altered file. */
class KeyEscrowTest {

    private static final char[] PASSPHRASE = "档案钥匙托管 long enough".toCharArray();

    @Test
    void keyFilesComeBackWithThePassphraseOnly(@TempDir Path tmp) throws Exception {
        Map<String, byte[]> keys = Map.of(
                "master.key",
                "00112233445566778899aabbccddeeff\n".getBytes(StandardCharsets.US_ASCII),
                "audit.key",
                new byte[] {1, 2, 3});
        Path escrow = tmp.resolve("keys.escrow");

        KeyEscrow.write(keys, escrow, PASSPHRASE);

        assertThat(Files.readString(escrow)).doesNotContain("00112233445566778899aabbccddeeff");
        var back = KeyEscrow.open(escrow, PASSPHRASE);
        assertThat(back.keySet()).containsExactlyInAnyOrder("master.key", "audit.key");
        assertThat(back.get("audit.key")).containsExactly(1, 2, 3);
        assertThat(KeyEscrow.masterKey(back).fingerprint())
                .isEqualTo(
                        MasterKey.parse("00112233445566778899aabbccddeeff", "x").fingerprint());
        assertThatThrownBy(() -> KeyEscrow.open(escrow, "a wrong passphrase".toCharArray()))
                .isInstanceOf(CryptoException.class)
                .hasMessageContaining("wrong passphrase");

        Path installed = tmp.resolve("restored/keys");
        KeyEscrow.install(back, installed);
        assertThat(Files.readString(installed.resolve("master.key"))).contains("00112233445566778899aabbccddeeff");
    }

    @Test
    void refusesAShortPassphraseAndAnAlteredEscrow(@TempDir Path tmp) throws Exception {
        Map<String, byte[]> keys = Map.of("master.key", new byte[] {1});
        assertThatThrownBy(() -> KeyEscrow.write(keys, tmp.resolve("weak"), "short".toCharArray()))
                .isInstanceOf(CryptoException.class);

        Path escrow = tmp.resolve("keys.escrow");
        KeyEscrow.write(keys, escrow, PASSPHRASE);
        String original = Files.readString(escrow);
        Files.writeString(escrow, original.replace("pbkdf2-hmac-sm3 310000", "pbkdf2-hmac-sm3 310001"));
        assertThatThrownBy(() -> KeyEscrow.open(escrow, PASSPHRASE)).isInstanceOf(CryptoException.class);
        // an escrow that asks for a weaker derivation than we write is not even tried
        Files.writeString(escrow, original.replace("pbkdf2-hmac-sm3 310000", "pbkdf2-hmac-sm3 1000"));
        assertThatThrownBy(() -> KeyEscrow.open(escrow, PASSPHRASE))
                .isInstanceOf(CryptoException.class)
                .hasMessageContaining("key derivation");
    }
}
