package org.siarchive.comparison;

import org.jspecify.annotations.Nullable;
import org.siarchive.crypto.FieldCipher;
import org.siarchive.quality.CitizenIdNumber;
import org.springframework.stereotype.Component;

/**
 * The one place reference data's ID numbers become tokens and ciphertext: HMAC-SM3 and SM4-GCM under the
 * context {@value #CERT_CONTEXT}, after normalising (trimmed, upper-case X). Every dataset and the engine's
 * join use the same token, so equal ID numbers match and nothing else does.
 */
@Component
public class ReferenceTokens {

    public static final String CERT_CONTEXT = "reference.cert_no";

    private final FieldCipher cipher;

    ReferenceTokens(FieldCipher cipher) {
        this.cipher = cipher;
    }

    /** The join token of an ID number. */
    public byte[] token(String certNo) {
        return java.util.Objects.requireNonNull(cipher.blindIndex(CitizenIdNumber.normalize(certNo), CERT_CONTEXT));
    }

    /** The sealed ID number for storage. */
    public byte[] seal(String certNo) {
        return java.util.Objects.requireNonNull(cipher.encrypt(CitizenIdNumber.normalize(certNo), CERT_CONTEXT));
    }

    /** The ID number back from storage (only for filing evidence and for people allowed to unmask). */
    public @Nullable String open(byte @Nullable [] sealed) {
        return cipher.decrypt(sealed, CERT_CONTEXT);
    }
}
