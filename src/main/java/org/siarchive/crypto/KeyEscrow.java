package org.siarchive.crypto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.bouncycastle.crypto.generators.PKCS5S2ParametersGenerator;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * Key escrow: the key directory (master key, sealed signing keys) in one file, SM4-GCM under a key derived
 * from a passphrase with PBKDF2-HMAC-SM3 (random salt, {@value #ITERATIONS} iterations). Kept apart from the
 * backups — another place, another custodian — so that neither a backup nor the escrow alone reads a
 * person's ID number or signs a certificate. The header (format, KDF, salt) is bound into the tag.
 */
public final class KeyEscrow {

    static final int ITERATIONS = 310_000;
    static final int MIN_PASSPHRASE = 12;
    private static final String MAGIC = "SIARCHIVE-KEY-ESCROW 1";

    private KeyEscrow() {}

    /** The key files of a directory (regular files only, by name). */
    public static Map<String, byte[]> read(Path keyDir) {
        var files = new LinkedHashMap<String, byte[]>();
        try (Stream<Path> list = Files.list(keyDir)) {
            for (Path p : list.filter(Files::isRegularFile).sorted().toList()) {
                files.put(p.getFileName().toString(), Files.readAllBytes(p));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the key directory " + keyDir, e);
        }
        return files;
    }

    /**
     * The key files plus the master key as {@code master.key} when it came from the environment (and so
     * is not among the files): an escrow that lacks it could not restore anything.
     */
    public static Map<String, byte[]> withMaster(Map<String, byte[]> keyFiles, MasterKey master) {
        var all = new LinkedHashMap<>(keyFiles);
        all.putIfAbsent(
                "master.key", (HexFormat.of().formatHex(master.bytes()) + "\n").getBytes(StandardCharsets.US_ASCII));
        return all;
    }

    /** Writes the escrow file, which must not exist yet (owner-only). */
    public static void write(Map<String, byte[]> keyFiles, Path target, char[] passphrase) {
        requireStrong(passphrase);
        byte[] salt = Sm4Gcm.random(16);
        String header = MAGIC + "\nkdf pbkdf2-hmac-sm3 " + ITERATIONS + " "
                + HexFormat.of().formatHex(salt) + "\n";
        var payload = new StringBuilder();
        keyFiles.forEach((name, bytes) -> payload.append("file ")
                .append(name)
                .append(' ')
                .append(Base64.getEncoder().encodeToString(bytes))
                .append('\n'));
        byte[] sealed = Sm4Gcm.seal(
                derive(passphrase, salt, ITERATIONS),
                payload.toString().getBytes(StandardCharsets.UTF_8),
                header.getBytes(StandardCharsets.UTF_8));
        try {
            Files.createDirectories(target.toAbsolutePath().getParent());
            Files.writeString(
                    target,
                    header + Base64.getEncoder().encodeToString(sealed) + "\n",
                    StandardCharsets.US_ASCII,
                    StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE,
                    StandardOpenOption.SYNC);
            ownerOnly(target);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the key escrow " + target, e);
        }
    }

    /** The key files in an escrow; a wrong passphrase or an altered file throw {@link CryptoException}. */
    public static Map<String, byte[]> open(Path escrow, char[] passphrase) {
        String[] lines;
        try {
            lines = Files.readString(escrow, StandardCharsets.US_ASCII).split("\n");
        } catch (IOException e) {
            throw new CryptoException("cannot read the key escrow " + escrow.getFileName());
        }
        if (lines.length < 3 || !lines[0].equals(MAGIC) || !lines[1].startsWith("kdf pbkdf2-hmac-sm3 ")) {
            throw new CryptoException("not a SIArchive key escrow: " + escrow.getFileName());
        }
        String[] kdf = lines[1].split(" ");
        String header = lines[0] + "\n" + lines[1] + "\n";
        int iterations = kdf.length == 4 && kdf[2].matches("\\d{1,8}") ? Integer.parseInt(kdf[2]) : -1;
        if (iterations < ITERATIONS || !kdf[3].matches("[0-9a-f]{32}")) {
            // fewer iterations than we write would weaken the passphrase; more than 8 digits is an attack on time
            throw new CryptoException("the key escrow's key derivation line is not one we write: " + lines[1]);
        }
        byte[] key = derive(passphrase, HexFormat.of().parseHex(kdf[3]), iterations);
        byte[] payload;
        try {
            payload = Sm4Gcm.open(
                    key, Base64.getDecoder().decode(lines[2].strip()), 0, header.getBytes(StandardCharsets.UTF_8));
        } catch (CryptoException | IllegalArgumentException e) {
            throw new CryptoException("the key escrow does not open: wrong passphrase, or the file was altered");
        }
        var files = new LinkedHashMap<String, byte[]>();
        for (String line : new String(payload, StandardCharsets.UTF_8).split("\n")) {
            String[] f = line.split(" ", 3);
            if (f.length == 3 && f[0].equals("file") && f[1].matches("[A-Za-z0-9._-]+")) {
                files.put(f[1], Base64.getDecoder().decode(f[2]));
            }
        }
        return files;
    }

    /** Writes key files into a directory that holds none of them yet, each readable by the owner only. */
    public static void install(Map<String, byte[]> keyFiles, Path dir) {
        try {
            Files.createDirectories(dir);
            for (var e : keyFiles.entrySet()) {
                Path p = dir.resolve(e.getKey());
                Files.write(
                        p,
                        e.getValue(),
                        StandardOpenOption.CREATE_NEW,
                        StandardOpenOption.WRITE,
                        StandardOpenOption.SYNC);
                ownerOnly(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the keys into " + dir, e);
        }
    }

    /** The master key among key files (its file {@code master.key}), or the environment's when it is set. */
    public static MasterKey masterKey(Map<String, byte[]> keyFiles) {
        byte[] file = keyFiles.get("master.key");
        String env = System.getenv(MasterKey.ENVIRONMENT);
        if (file == null && (env == null || env.isBlank())) {
            throw new CryptoException("the keys hold no master.key and " + MasterKey.ENVIRONMENT + " is not set");
        }
        return file == null
                ? MasterKey.load(env, Path.of("master.key"), false)
                : MasterKey.parse(new String(file, StandardCharsets.US_ASCII).strip(), "key file master.key");
    }

    static void requireStrong(char[] passphrase) {
        if (passphrase.length < MIN_PASSPHRASE) {
            throw new CryptoException("the escrow passphrase needs at least " + MIN_PASSPHRASE + " characters");
        }
    }

    private static byte[] derive(char[] passphrase, byte[] salt, int iterations) {
        var generator = new PKCS5S2ParametersGenerator(Sm3.javaDigest());
        generator.init(PKCS5S2ParametersGenerator.PKCS5PasswordToUTF8Bytes(passphrase), salt, iterations);
        return ((KeyParameter) generator.generateDerivedParameters(Sm4Gcm.KEY_BYTES * 8)).getKey();
    }

    private static void ownerOnly(Path p) throws IOException {
        try {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the operator protects the directory
        }
    }
}
