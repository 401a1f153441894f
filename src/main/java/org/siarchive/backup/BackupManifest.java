package org.siarchive.backup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.siarchive.crypto.BackupCipher;
import org.siarchive.crypto.MasterKey;
import org.siarchive.preservation.Digester;

/**
 * {@code backup.manifest}: the format, the backup key's salt and check value, the schema version, row
 * counts, every stored (encrypted) file with its SM3 and size, and last an HMAC-SM3 of all the lines
 * before it under the backup key. Damage is found without the key (SM3 of what is stored); a wrong key
 * is told apart from damage by the check value; an altered manifest by its MAC.
 */
final class BackupManifest {

    static final String NAME = "backup.manifest";
    static final String FORMAT = "format sm4-gcm-chunked 1";

    record Entry(String sm3, long size, String path) {}

    private final @Nullable String salt;
    private final @Nullable String keyCheck;
    private final @Nullable String schema;
    private final Map<String, Long> rows;
    private final List<Entry> files;
    private final @Nullable String mac;
    private final String signedText;
    private final List<String> unreadable;

    private BackupManifest(List<String> lines) {
        String salt = null, check = null, schema = null, mac = null;
        var rows = new LinkedHashMap<String, Long>();
        var files = new ArrayList<Entry>();
        var unreadable = new ArrayList<String>();
        var signed = new StringBuilder();
        for (String line : lines) {
            String[] f = line.split(" ", 4);
            try {
                switch (f[0]) {
                    case "format" -> {}
                    case "key" -> {
                        salt = f[1];
                        check = f[2];
                    }
                    case "schema" -> schema = f[1];
                    case "rows" -> rows.put(f[1], Long.parseLong(f[2]));
                    case "file" -> files.add(new Entry(f[1], Long.parseLong(f[2]), f[3]));
                    case "mac" -> mac = f[1];
                    default -> unreadable.add(line);
                }
            } catch (RuntimeException e) {
                unreadable.add(line);
            }
            if (!f[0].equals("mac")) {
                signed.append(line).append('\n');
            }
        }
        this.salt = salt;
        this.keyCheck = check;
        this.schema = schema;
        this.rows = rows;
        this.files = files;
        this.mac = mac;
        this.signedText = signed.toString();
        this.unreadable = unreadable;
    }

    static BackupManifest read(Path backup) throws IOException {
        return new BackupManifest(Files.readAllLines(backup.resolve(NAME), StandardCharsets.UTF_8));
    }

    /** Writes the manifest of a finished backup (every file already in place), MAC last. */
    static void write(Path backup, byte[] salt, BackupCipher cipher, String schema, Map<String, Long> rows)
            throws IOException {
        var lines = new ArrayList<String>();
        lines.add(FORMAT);
        lines.add("key " + HexFormat.of().formatHex(salt) + " " + cipher.keyCheck());
        lines.add("schema " + schema);
        rows.forEach((t, n) -> lines.add("rows " + t + " " + n));
        try (Stream<Path> walk = Files.walk(backup)) {
            for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
                lines.add("file " + Backups.sm3(p) + " " + Files.size(p) + " " + relative(backup, p));
            }
        }
        lines.add("mac " + cipher.mac(String.join("\n", lines) + "\n"));
        Files.write(backup.resolve(NAME), lines, StandardCharsets.UTF_8);
    }

    /**
     * Everything that stops a restore, each named: no key line (a backup of the old, unencrypted format),
     * a key that does not open it, an altered manifest, a missing, damaged or unlisted file.
     */
    List<String> problems(Path backup, MasterKey master) throws IOException {
        var problems = new ArrayList<String>();
        unreadable.forEach(l -> problems.add("unreadable manifest line: " + l));
        if (schema == null) {
            problems.add("the manifest names no schema version");
        }
        var cipher = cipher(master);
        if (salt == null || keyCheck == null) {
            problems.add("the backup is not encrypted (written before backups were): restore it with the release"
                    + " that wrote it");
        } else if (cipher == null || !cipher.opens(keyCheck)) {
            problems.add(
                    "wrong key: the master key (fingerprint " + master.fingerprint() + ") does not open this backup");
        } else if (mac == null || !cipher.macMatches(signedText, mac)) {
            problems.add("the manifest was altered (its MAC does not match)");
        }
        problems.addAll(fileProblems(backup));
        return problems;
    }

    private List<String> fileProblems(Path backup) throws IOException {
        var problems = new ArrayList<String>();
        Set<String> listed = new TreeSet<>();
        for (var e : files) {
            Path p = backup.resolve(e.path()).normalize();
            if (!p.startsWith(backup.normalize())) {
                problems.add("the manifest names a path outside the backup: " + e.path());
                continue;
            }
            listed.add(e.path());
            if (!Files.isRegularFile(p)) {
                problems.add("missing: " + e.path());
            } else if (!Digester.of(p).matchesSizeAndSm3(e.size(), e.sm3())) {
                problems.add("damaged: " + e.path() + " (size or SM3 differs from the manifest)");
            }
        }
        try (Stream<Path> walk = Files.walk(backup)) {
            walk.filter(Files::isRegularFile)
                    .map(p -> relative(backup, p))
                    .filter(rel -> !rel.equals(NAME) && !listed.contains(rel))
                    .sorted()
                    .forEach(rel -> problems.add("not in the manifest: " + rel));
        }
        return problems;
    }

    @Nullable
    BackupCipher cipher(MasterKey master) {
        try {
            return salt == null
                    ? null
                    : BackupCipher.derive(master, HexFormat.of().parseHex(salt));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    String schema() {
        return schema == null ? "" : schema;
    }

    Map<String, Long> rows() {
        return rows;
    }

    private static String relative(Path root, Path p) {
        return root.relativize(p).toString().replace('\\', '/');
    }
}
