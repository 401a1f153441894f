package org.siarchive.continuation;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.jspecify.annotations.Nullable;
import org.siarchive.crypto.SigningKey;
import org.siarchive.crypto.Sm3;
import org.siarchive.preservation.Fixity;
import org.siarchive.shared.InvalidInputException;
import org.siarchive.shared.Violation;
import tools.jackson.databind.json.JsonMapper;

/**
 * A signed 转移接续 message between agencies (docs/adr/0082): a zip of {@code message.json} (the message), {@code
 * signature.json} (SM3withSM2 over the exact bytes of message.json by the sender's platform key, with its public
 * point) and, for an INFO message, {@code package.zip} — the person's archive as a signed EEP transfer package,
 * bound to the message by its SM3 in {@code packageSm3}. The same bytes travel over the API and as a file.
 */
record Envelope(Message message, byte[] messageBytes, Signature signature, byte @Nullable [] packageZip) {

    static final String ALGORITHM = "SM3withSM2";
    static final int MAX_MESSAGE = 256 * 1024;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    enum Kind {
        LETTER,
        INFO,
        RECEIPT,
        REFUSAL
    }

    /** An agency as a message names it. */
    record Agency(String region, String agency) {}

    /** 信息表 and 基金划转表 figures as the old agency entered them (the 12 % rule is the business system's). */
    record Info(
            @Nullable Integer contributionYears,
            @Nullable Integer contributionMonths,
            @Nullable BigDecimal individualAccount,
            @Nullable BigDecimal pooledFund,
            @Nullable BigDecimal transferTotal) {}

    /**
     * The message. {@code caseNo} is the sender's case, {@code remoteCaseNo} the receiver's (null in a LETTER);
     * the person's data travel in clear inside the signed envelope, as on the paper forms.
     */
    record Message(
            String kind,
            String id,
            String at,
            Agency from,
            Agency to,
            String caseNo,
            @Nullable String remoteCaseNo,
            @Nullable String certNo,
            @Nullable String name,
            @Nullable String scheme,
            @Nullable String caseKind,
            @Nullable Info info,
            @Nullable String packageSm3,
            @Nullable String reason) {}

    record Signature(String algorithm, String keyId, String publicKey, String value) {}

    /** Signs and packs a message. */
    static byte[] seal(Message m, SigningKey key, byte @Nullable [] packageZip) {
        byte[] body = JSON.writeValueAsBytes(m);
        var sig = new Signature(
                ALGORITHM,
                key.keyId(),
                Base64.getEncoder().encodeToString(key.publicPoint()),
                Base64.getEncoder().encodeToString(key.sign(body)));
        var out = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(out)) {
            entry(zip, "message.json", body);
            entry(zip, "signature.json", JSON.writeValueAsBytes(sig));
            if (packageZip != null) {
                entry(zip, "package.zip", packageZip);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void entry(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(bytes);
        zip.closeEntry();
    }

    /** Unpacks an envelope, bounded; 422 naming the rule when it is not one. */
    static Envelope open(byte[] bytes, long maxPackage) {
        byte[] message = null;
        byte[] signature = null;
        byte[] pkg = null;
        try (var zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            ZipEntry e;
            int entries = 0;
            while ((e = zip.getNextEntry()) != null) {
                if (++entries > 3) {
                    throw bad("envelopeFormat");
                }
                switch (e.getName()) {
                    case "message.json" -> message = read(zip, MAX_MESSAGE);
                    case "signature.json" -> signature = read(zip, 16 * 1024);
                    case "package.zip" -> pkg = read(zip, maxPackage);
                    default -> throw bad("envelopeFormat");
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            throw bad("envelopeFormat");
        }
        if (message == null || signature == null) {
            throw bad("envelopeFormat");
        }
        try {
            var m = JSON.readValue(message, Message.class);
            var s = JSON.readValue(signature, Signature.class);
            if (m.kind() == null
                    || m.from() == null
                    || m.to() == null
                    || m.caseNo() == null
                    || s.value() == null
                    || List.of(Kind.values()).stream().noneMatch(k -> k.name().equals(m.kind()))) {
                throw bad("envelopeFormat");
            }
            return new Envelope(m, message, s, pkg);
        } catch (tools.jackson.core.JacksonException e) {
            throw bad("envelopeFormat");
        }
    }

    private static byte[] read(ZipInputStream zip, long max) throws IOException {
        var out = new ByteArrayOutputStream();
        byte[] buf = new byte[64 * 1024];
        int n;
        long total = 0;
        while ((n = zip.read(buf)) > 0) {
            total += n;
            if (total > max) {
                throw bad("envelopeTooLarge");
            }
            out.write(buf, 0, n);
        }
        return out.toByteArray();
    }

    Kind kind() {
        return Kind.valueOf(message.kind());
    }

    /** Null when the signature is by {@code trustedPoint} and holds; else the broken rule. */
    @Nullable
    String problem(byte[] trustedPoint) {
        if (!ALGORITHM.equals(signature.algorithm())) {
            return "signatureAlgorithm";
        }
        byte[] point;
        byte[] value;
        try {
            point = Base64.getDecoder().decode(signature.publicKey());
            value = Base64.getDecoder().decode(signature.value());
        } catch (IllegalArgumentException | NullPointerException e) {
            return "badSignature";
        }
        if (!java.util.Arrays.equals(point, trustedPoint)) {
            return "untrustedKey";
        }
        if (!SigningKey.verify(point, messageBytes, value)) {
            return "badSignature";
        }
        if (kind() == Kind.INFO) {
            if (packageZip == null || message.packageSm3() == null) {
                return "packageMissing";
            }
            if (!Fixity.sameDigest(
                    Sm3.hex(Sm3.digest(packageZip)), message.packageSm3().toLowerCase(Locale.ROOT))) {
                return "packageDigest";
            }
        }
        return null;
    }

    static InvalidInputException bad(String rule, Object... args) {
        return new InvalidInputException(new Violation(
                "envelope",
                rule,
                "continuation.rule." + rule,
                java.util.Arrays.stream(args).map(String::valueOf).toList()));
    }

    static String sm3(byte[] bytes) {
        return Sm3.hex(Sm3.digest(bytes));
    }

    static String json(Object o) {
        return JSON.writeValueAsString(o);
    }

    static Info info(String json) {
        return JSON.readValue(json, Info.class);
    }

    static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
