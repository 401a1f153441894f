package org.siarchive.transfer;

import java.util.HashSet;
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
    private volatile @Nullable SigningKey key;

    TransferKey(KeyDirectory keys, TransferSettings settings) {
        this.keys = keys;
        this.settings = settings;
    }

    SigningKey key() {
        var k = key;
        if (k == null) {
            k = keys.signingKey(NAME);
            key = k;
        }
        return k;
    }

    String keyId() {
        return key().keyId();
    }

    /** Our own key and the configured ones. */
    Set<String> trusted() {
        var trusted = new HashSet<>(settings.trustedKeys());
        trusted.add(keyId());
        return trusted;
    }
}
