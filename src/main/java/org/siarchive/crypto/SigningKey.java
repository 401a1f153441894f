package org.siarchive.crypto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.Base64;
import org.bouncycastle.asn1.gm.GMNamedCurves;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.CryptoException;
import org.bouncycastle.crypto.generators.ECKeyPairGenerator;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECKeyGenerationParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.signers.SM2Signer;

/**
 * An SM2 key pair (curve sm2p256v1, SM3withSM2 signatures) kept in two files: the public point in
 * {@code name.pub} (Base64) and the private scalar sealed under the master key in {@code name.key}.
 */
public final class SigningKey {

    private static final X9ECParameters CURVE = GMNamedCurves.getByName("sm2p256v1");
    private static final ECDomainParameters DOMAIN =
            new ECDomainParameters(CURVE.getCurve(), CURVE.getG(), CURVE.getN(), CURVE.getH());

    private final ECPublicKeyParameters publicKey;
    private final ECPrivateKeyParameters privateKey;

    private SigningKey(ECPublicKeyParameters publicKey, ECPrivateKeyParameters privateKey) {
        this.publicKey = publicKey;
        this.privateKey = privateKey;
    }

    /**
     * Loads the pair from {@code dir}, creating it on first use. Creation is safe against a kill and against a
     * second creator at the same moment (two threads or two nodes): both files are written in full under temporary
     * names first, and the private key is published by a hard link, which fails if the name exists; the loser of
     * such a race loads the winner's key.
     */
    public static SigningKey loadOrCreate(Path dir, String name, MasterKey master) {
        Path pub = dir.resolve(name + ".pub");
        Path priv = dir.resolve(name + ".key");
        byte[] aad = ("siarchive-signing-key:" + name).getBytes(StandardCharsets.UTF_8);
        try {
            if (!Files.exists(priv)) {
                var created = create(dir, pub, priv, master, aad);
                if (created != null) {
                    return created;
                }
            }
            return load(pub, priv, master, aad);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write the signing key " + priv, e);
        }
    }

    /** A new pair, or null when another creator published {@code priv} first. */
    private static SigningKey create(Path dir, Path pub, Path priv, MasterKey master, byte[] aad) throws IOException {
        var gen = new ECKeyPairGenerator();
        gen.init(new ECKeyGenerationParameters(DOMAIN, new SecureRandom()));
        AsymmetricCipherKeyPair pair = gen.generateKeyPair();
        var pk = (ECPublicKeyParameters) pair.getPublic();
        var sk = (ECPrivateKeyParameters) pair.getPrivate();
        Files.createDirectories(dir);
        Path privTmp = Files.createTempFile(dir, priv.getFileName() + ".", ".new");
        Path pubTmp = Files.createTempFile(dir, pub.getFileName() + ".", ".new");
        try {
            Files.write(
                    privTmp,
                    Base64.getEncoder().encode(Sm4Gcm.seal(master.bytes(), to32(sk.getD()), aad)),
                    StandardOpenOption.WRITE,
                    StandardOpenOption.SYNC);
            Files.write(
                    pubTmp,
                    Base64.getEncoder().encode(pk.getQ().getEncoded(false)),
                    StandardOpenOption.WRITE,
                    StandardOpenOption.SYNC);
            try {
                Files.createLink(priv, privTmp);
            } catch (FileAlreadyExistsException raced) {
                return null;
            }
            Files.move(pubTmp, pub, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return new SigningKey(pk, sk);
        } finally {
            Files.deleteIfExists(privTmp);
            Files.deleteIfExists(pubTmp);
        }
    }

    private static SigningKey load(Path pub, Path priv, MasterKey master, byte[] aad) throws IOException {
        byte[] d = Sm4Gcm.open(
                master.bytes(),
                Base64.getDecoder().decode(Files.readString(priv).strip()),
                0,
                aad);
        var sk = new ECPrivateKeyParameters(new BigInteger(1, d), DOMAIN);
        var pk = new ECPublicKeyParameters(DOMAIN.getG().multiply(sk.getD()).normalize(), DOMAIN);
        if (Files.exists(pub)) {
            byte[] stored = Base64.getDecoder().decode(Files.readString(pub).strip());
            if (!java.util.Arrays.equals(stored, pk.getQ().getEncoded(false))) {
                throw new org.siarchive.crypto.CryptoException(pub + " does not belong to " + priv);
            }
        }
        return new SigningKey(pk, sk);
    }

    /** SM3 fingerprint of the public key, first 16 hex digits. */
    public String keyId() {
        return Sm3.hex(Sm3.digest(publicKey.getQ().getEncoded(false))).substring(0, 16);
    }

    public byte[] sign(byte[] message) {
        var signer = new SM2Signer();
        signer.init(true, new ParametersWithRandom(privateKey, new SecureRandom()));
        signer.update(message, 0, message.length);
        return signature(signer);
    }

    /** The same signature over a message read to its end, for messages too large to hold (a package's manifest). */
    public byte[] sign(java.io.InputStream message) throws IOException {
        var signer = new SM2Signer();
        signer.init(true, new ParametersWithRandom(privateKey, new SecureRandom()));
        byte[] buffer = new byte[64 * 1024];
        for (int n = message.read(buffer); n >= 0; n = message.read(buffer)) {
            signer.update(buffer, 0, n);
        }
        return signature(signer);
    }

    private static byte[] signature(SM2Signer signer) {
        try {
            return signer.generateSignature();
        } catch (CryptoException e) {
            throw new org.siarchive.crypto.CryptoException("SM2 signing failed", e);
        }
    }

    /** The public point, uncompressed (65 bytes), as a receiver needs it to verify. */
    public byte[] publicPoint() {
        return publicKey.getQ().getEncoded(false);
    }

    /** The key id of a public point received from elsewhere (same rule as {@link #keyId()}). */
    public static String keyIdOf(byte[] publicPoint) {
        return Sm3.hex(Sm3.digest(publicPoint)).substring(0, 16);
    }

    /** Verifies an SM3withSM2 signature by a public point received from elsewhere; false when malformed. */
    public static boolean verify(byte[] publicPoint, byte[] message, byte[] signature) {
        try {
            var point = DOMAIN.getCurve().decodePoint(publicPoint);
            var signer = new SM2Signer();
            signer.init(false, new ECPublicKeyParameters(point, DOMAIN));
            signer.update(message, 0, message.length);
            return signer.verifySignature(signature);
        } catch (RuntimeException e) {
            return false;
        }
    }

    public boolean verify(byte[] message, byte[] signature) {
        var signer = new SM2Signer();
        signer.init(false, publicKey);
        signer.update(message, 0, message.length);
        return signer.verifySignature(signature);
    }

    private static byte[] to32(BigInteger v) {
        byte[] raw = v.toByteArray();
        byte[] out = new byte[32];
        int copy = Math.min(raw.length, 32);
        System.arraycopy(raw, raw.length - copy, out, 32 - copy, copy);
        return out;
    }
}
