package org.siarchive.backup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.siarchive.crypto.KeyEscrow;

/** The operator commands' options; anything else is passed on to the platform (e.g. --siarchive.data-dir). */
record Options(
        @Nullable String to,
        @Nullable String from,
        @Nullable String into,
        @Nullable String keys,
        @Nullable String escrow,
        @Nullable String passphraseFile,
        @Nullable String sub,
        List<String> rest) {

    static final String PASSPHRASE_ENVIRONMENT = "SIARCHIVE_ESCROW_PASSPHRASE";

    static Options parse(String[] args) {
        String to = null, from = null, into = null, keys = null, escrow = null, passphrase = null, sub = null;
        var rest = new ArrayList<String>();
        for (String a : args) {
            if (a.startsWith("--to=")) {
                to = a.substring(5);
            } else if (a.startsWith("--from=")) {
                from = a.substring(7);
            } else if (a.startsWith("--into=")) {
                into = a.substring(7);
            } else if (a.startsWith("--keys=")) {
                keys = a.substring(7);
            } else if (a.startsWith("--escrow=")) {
                escrow = a.substring(9);
            } else if (a.startsWith("--passphrase-file=")) {
                passphrase = a.substring(18);
            } else if (sub == null && !a.startsWith("-")) {
                sub = a;
            } else {
                rest.add(a);
            }
        }
        return new Options(to, from, into, keys, escrow, passphrase, sub, rest);
    }

    boolean hasKeys() {
        return keys != null || escrow != null;
    }

    /** The key files to restore with: a key directory as it is, or what the escrow holds. */
    Map<String, byte[]> keyFiles() {
        if (keys != null) {
            return KeyEscrow.read(Path.of(keys));
        }
        return KeyEscrow.open(Path.of(java.util.Objects.requireNonNull(escrow)), passphrase());
    }

    /** From {@code --passphrase-file}, else {@value #PASSPHRASE_ENVIRONMENT}, else typed at the console. */
    char[] passphrase() {
        if (passphraseFile != null) {
            try {
                return Files.readString(Path.of(passphraseFile), StandardCharsets.UTF_8)
                        .strip()
                        .toCharArray();
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read the passphrase file " + passphraseFile);
            }
        }
        String env = System.getenv(PASSPHRASE_ENVIRONMENT);
        if (env != null && !env.isBlank()) {
            return env.toCharArray();
        }
        var console = System.console();
        if (console == null) {
            throw new IllegalArgumentException(
                    "no passphrase: give --passphrase-file=F or set " + PASSPHRASE_ENVIRONMENT);
        }
        return console.readPassword("key escrow passphrase: ");
    }

    /** An operator-readable line for a failure: its message, never a stack trace. */
    static String describe(RuntimeException e) {
        Throwable t = e;
        while (t.getCause() != null && (t.getMessage() == null || t instanceof java.io.UncheckedIOException)) {
            t = t.getCause();
        }
        String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return t instanceof java.nio.file.NoSuchFileException ? "missing: " + message : message;
    }
}
