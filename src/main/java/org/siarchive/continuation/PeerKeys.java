package org.siarchive.continuation;

import java.util.Base64;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.gm.GMObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.Certificate;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;

/**
 * An SM2 signing key as a PEM text, both ways: this platform's key is written as {@code PUBLIC KEY}
 * (SubjectPublicKeyInfo, curve sm2p256v1) since the platform has no CA-issued certificate (docs/adr/0082); a
 * peer's may be given as that or as an X.509 {@code CERTIFICATE}, whose subject key is taken.
 */
final class PeerKeys {

    static final int MAX_PEM = 8_000;

    private PeerKeys() {}

    /** The PEM of an uncompressed SM2 public point. */
    static String pem(byte[] point) {
        try {
            var info = new SubjectPublicKeyInfo(
                    new AlgorithmIdentifier(X9ObjectIdentifiers.id_ecPublicKey, GMObjectIdentifiers.sm2p256v1), point);
            String body = Base64.getMimeEncoder(64, "\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                    .encodeToString(info.getEncoded());
            return "-----BEGIN PUBLIC KEY-----\n" + body + "\n-----END PUBLIC KEY-----\n";
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The SM2 public point in a PEM public key or certificate; empty when it holds none. */
    static Optional<byte[]> point(String pem) {
        if (pem.length() > MAX_PEM) {
            return Optional.empty();
        }
        boolean certificate = pem.contains("BEGIN CERTIFICATE");
        String body = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        try {
            byte[] der = Base64.getDecoder().decode(body);
            SubjectPublicKeyInfo info = certificate
                    ? Certificate.getInstance(der).getSubjectPublicKeyInfo()
                    : SubjectPublicKeyInfo.getInstance(der);
            var params = info.getAlgorithm().getParameters();
            if (params != null && !GMObjectIdentifiers.sm2p256v1.equals(ASN1ObjectIdentifier.getInstance(params))) {
                return Optional.empty();
            }
            byte[] point = info.getPublicKeyData().getBytes();
            return point.length == 65 && point[0] == 4 ? Optional.of(point) : Optional.empty();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
