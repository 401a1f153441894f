package org.siarchive.transfer;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.siarchive.crypto.KeyDirectory;
import org.siarchive.crypto.SigningKey;
import org.springframework.stereotype.Component;

/** This platform's SM2 transfer key (loaded on first use) and the key ids a receipt trusts. */
@Component
class TransferKey {

    static final String NAME = "transfer-sm2";

    private final KeyDirectory keys;
    private final TransferSettings settings;
    private final List<TrustedSigners> signers;
    private volatile @Nullable SigningKey key;

    TransferKey(KeyDirectory keys, TransferSettings settings, List<TrustedSigners> signers) {
        this.keys = keys;
        this.settings = settings;
        this.signers = signers;
    }

    /**
     * Loaded (or created, the first time) once: an export's threads ask for it at once, and two creating the key
     * file together failed (docs/adr/0125).
     */
    SigningKey key() {
        var k = key;
        if (k == null) {
            synchronized (this) {
                k = key;
                if (k == null) {
                    k = keys.signingKey(NAME);
                    key = k;
                }
            }
        }
        return k;
    }

    String keyId() {
        return key().keyId();
    }

    /** Our own key, the configured ones and those other modules registered ({@link TrustedSigners}). */
    Set<String> trusted() {
        var trusted = new HashSet<>(settings.trustedKeys());
        trusted.add(keyId());
        signers.forEach(s -> trusted.addAll(s.keyIds()));
        return trusted;
    }
}
