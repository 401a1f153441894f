package org.siarchive.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Backup files are SM4-GCM in chunks: they round-trip at every size, and any change, swap or cut is refused. */
class BackupCipherTest {

    private static final MasterKey MASTER = new MasterKey(new byte[16], "test");
    private final byte[] salt = BackupCipher.newSalt();
    private final BackupCipher cipher = BackupCipher.derive(MASTER, salt);

    @ParameterizedTest
    @ValueSource(
            ints = {0, 1, ChunkedSm4Gcm.CHUNK - 1, ChunkedSm4Gcm.CHUNK, ChunkedSm4Gcm.CHUNK + 1, 3 * ChunkedSm4Gcm.CHUNK
            })
    void roundTripsAFileOfAnySize(int size) throws Exception {
        byte[] plain = random(size);
        byte[] sealed = encrypt(plain, "ocfl/a.png");
        assertThat(decrypt(sealed, "ocfl/a.png")).isEqualTo(plain);
    }

    @Test
    void refusesAFlippedByteAnotherNameACutOffFileAndAnotherKey() throws Exception {
        byte[] plain = random(2 * ChunkedSm4Gcm.CHUNK + 10);
        byte[] sealed = encrypt(plain, "db/item.copy");

        byte[] flipped = sealed.clone();
        flipped[flipped.length / 2] ^= 1;
        assertThatThrownBy(() -> decrypt(flipped, "db/item.copy")).isInstanceOf(CryptoException.class);
        assertThatThrownBy(() -> decrypt(sealed, "db/person.copy")).isInstanceOf(CryptoException.class);
        byte[] cut = Arrays.copyOf(sealed, ChunkedSm4Gcm.PREFIX + ChunkedSm4Gcm.CHUNK + ChunkedSm4Gcm.TAG);
        assertThatThrownBy(() -> decrypt(cut, "db/item.copy")).isInstanceOf(CryptoException.class);
        var other = BackupCipher.derive(new MasterKey(random(16), "other"), salt);
        assertThatThrownBy(() -> other.decrypting(new ByteArrayInputStream(sealed), "db/item.copy")
                        .readAllBytes())
                .isInstanceOf(CryptoException.class);
    }

    @Test
    void theKeyCheckTellsTheRightKeyFromAWrongOne() {
        assertThat(cipher.opens(cipher.keyCheck())).isTrue();
        var other = BackupCipher.derive(MASTER, BackupCipher.newSalt());
        assertThat(other.opens(cipher.keyCheck())).isFalse();
        assertThat(cipher.macMatches("schema 12\n", cipher.mac("schema 12\n"))).isTrue();
        assertThat(cipher.macMatches("schema 13\n", cipher.mac("schema 12\n"))).isFalse();
    }

    private byte[] encrypt(byte[] plain, String name) throws Exception {
        var out = new ByteArrayOutputStream();
        try (var enc = cipher.encrypting(out, name)) {
            enc.write(plain);
        }
        return out.toByteArray();
    }

    private byte[] decrypt(byte[] sealed, String name) throws Exception {
        try (var in = cipher.decrypting(new ByteArrayInputStream(sealed), name)) {
            return in.readAllBytes();
        }
    }

    private static byte[] random(int n) {
        byte[] b = new byte[n];
        new Random(n).nextBytes(b);
        return b;
    }
}
