package org.siarchive.transfer;

import java.util.Base64;
import org.jspecify.annotations.Nullable;
import org.siarchive.crypto.SigningKey;
import org.springframework.stereotype.Component;

/**
 * This platform's transfer key and trust list lent to other modules for signed documents that are not EEP packages
 * (the county → province catalogue feed, docs/adr/0140): one key, one list of trusted signers
 * ({@code siarchive.transfer.trusted-keys} and {@link TrustedSigners}), so a province that trusts a county's
 * packages trusts its feed, and nothing else.
 */
@Component
public class TransferSigning {

    /** The one algorithm signed with and accepted. */
    public static final String ALGORITHM = PackageSignature.ALGORITHM;

    /** A signature: algorithm, signer key id, public point and value (both Base64). */
    public record Signed(String algorithm, String keyId, String publicKey, String value) {}

    private final TransferKey key;

    TransferSigning(TransferKey key) {
        this.key = key;
    }

    /** SM3withSM2 over {@code bytes} with this platform's transfer key. */
    public Signed sign(byte[] bytes) {
        SigningKey k = key.key();
        var b64 = Base64.getEncoder();
        return new Signed(
                PackageSignature.ALGORITHM,
                k.keyId(),
                b64.encodeToString(k.publicPoint()),
                b64.encodeToString(k.sign(bytes)));
    }

    /** Null when {@code signature} is valid over {@code bytes} and by a trusted key; otherwise a short reason code. */
    public @Nullable String problem(byte[] bytes, @Nullable String publicKey, @Nullable String value) {
        if (publicKey == null || value == null) {
            return "missing";
        }
        byte[] point;
        byte[] sig;
        try {
            point = Base64.getDecoder().decode(publicKey);
            sig = Base64.getDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            return "encoding";
        }
        if (!key.trusted().contains(SigningKey.keyIdOf(point))) {
            return "untrusted";
        }
        return SigningKey.verify(point, bytes, sig) ? null : "invalid";
    }
}
