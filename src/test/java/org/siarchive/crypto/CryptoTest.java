package org.siarchive.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** SM3 and SM4 against the national test vectors' behaviour, SM4-GCM tamper detection, SM2 keys on disk. */
class CryptoTest {

    @Test
    void sm3OfAbcIsTheStandardVector() {
        assertThat(Sm3.hex(Sm3.digest("abc")))
                .isEqualTo("66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0");
    }

    @Test
    void sm4GcmDetectsAlterationAndWrongContext() {
        byte[] key = Sm4Gcm.randomKey();
        byte[] sealed =
                Sm4Gcm.seal(key, "11010519491231002X".getBytes(StandardCharsets.UTF_8), "person.cert_no".getBytes());
        assertThat(new String(Sm4Gcm.open(key, sealed, 0, "person.cert_no".getBytes()), StandardCharsets.UTF_8))
                .isEqualTo("11010519491231002X");
        assertThatThrownBy(() -> Sm4Gcm.open(key, sealed, 0, "person.phone".getBytes()))
                .isInstanceOf(CryptoException.class);
        sealed[sealed.length - 1] ^= 1;
        assertThatThrownBy(() -> Sm4Gcm.open(key, sealed, 0, "person.cert_no".getBytes()))
                .isInstanceOf(CryptoException.class);
        assertThatThrownBy(() -> Sm4Gcm.open(Sm4Gcm.randomKey(), sealed, 0, "person.cert_no".getBytes()))
                .isInstanceOf(CryptoException.class);
    }

    @Test
    void signingKeysSurviveARestartAndNeedTheirMasterKey() throws Exception {
        var dir = Files.createTempDirectory("keys");
        var master = MasterKey.generate(dir.resolve("master.key"));
        var key = SigningKey.loadOrCreate(dir, "audit-sm2", master);
        byte[] sig = key.sign("checkpoint".getBytes());
        var again = SigningKey.loadOrCreate(dir, "audit-sm2", MasterKey.fromFile(dir.resolve("master.key")));
        assertThat(again.keyId()).isEqualTo(key.keyId());
        assertThat(again.verify("checkpoint".getBytes(), sig)).isTrue();
        assertThat(again.verify("checkpoint!".getBytes(), sig)).isFalse();
        var other = MasterKey.generate(dir.resolve("other.key"));
        assertThatThrownBy(() -> SigningKey.loadOrCreate(dir, "audit-sm2", other))
                .isInstanceOf(CryptoException.class);
    }

    @Test
    void creatorsRacingForANewKeyAllGetTheOneThatWasPublished() throws Exception {
        for (int round = 0; round < 20; round++) {
            var dir = Files.createTempDirectory("keys");
            var master = MasterKey.generate(dir.resolve("master.key"));
            var start = new java.util.concurrent.CountDownLatch(1);
            var pool = java.util.concurrent.Executors.newFixedThreadPool(6);
            try {
                var ids = new java.util.ArrayList<java.util.concurrent.Future<String>>();
                for (int t = 0; t < 6; t++) {
                    ids.add(pool.submit(() -> {
                        start.await();
                        return SigningKey.loadOrCreate(dir, "transfer-sm2", master)
                                .keyId();
                    }));
                }
                start.countDown();
                var seen = new java.util.HashSet<String>();
                for (var id : ids) {
                    seen.add(id.get());
                }
                assertThat(seen).hasSize(1);
                assertThat(SigningKey.loadOrCreate(dir, "transfer-sm2", master).keyId())
                        .isEqualTo(seen.iterator().next());
                try (var files = Files.list(dir)) {
                    assertThat(files.map(f -> f.getFileName().toString()))
                            .containsExactlyInAnyOrder("master.key", "transfer-sm2.key", "transfer-sm2.pub");
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }
}
