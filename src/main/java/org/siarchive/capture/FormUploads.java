package org.siarchive.capture;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.siarchive.preservation.Preservation;
import org.siarchive.preservation.StagedFile;
import org.siarchive.preservation.UploadTooLargeException;
import org.siarchive.shared.NodeLocal;
import org.siarchive.shared.OriginalNames;
import org.siarchive.shared.Violation;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Files the console capture form keeps while a refused form goes back to the clerk (docs/adr/0053). Each
 * valid upload is streamed into the preservation staging area under {@code form-<token>}, once, and the
 * form carries only the token. A kept file belongs to the account that chose it and is handed to no one
 * else; it lives at most {@link #TTL}, each account keeps at most {@code maxFiles} of them and
 * {@link #MAX_BYTES_PER_OWNER} bytes. Nothing kept is ever acknowledged: a capture that succeeds copies
 * the bytes through the ordinary path and the kept files are discarded; abandoned ones are swept, and a
 * restart forgets every token (the sweep then removes their directories).
 */
@Component
class FormUploads {

    static final String PREFIX = "form-";
    static final Duration TTL = Duration.ofHours(2);
    static final long MAX_BYTES_PER_OWNER = 1024L * 1024 * 1024;
    private static final Duration ORPHAN_GRACE = Duration.ofMinutes(10);

    /** One kept upload: whose it is, which material row it answers, its name and where its bytes are. */
    record Kept(String token, String owner, String material, String name, long size, StagedFile file, Instant at) {

        Upload upload() {
            return new Upload(name, () -> Files.newInputStream(file.path()));
        }
    }

    /** What staging one chosen file gave: the kept file, or the violation that refused it. */
    record Outcome(Optional<Kept> kept, Optional<Violation> refused) {}

    private final Map<String, Kept> kept = new ConcurrentHashMap<>();
    private final Preservation preservation;
    private final CaptureSettings settings;
    private final Captures captures;

    FormUploads(Preservation preservation, CaptureSettings settings, Captures captures) {
        this.preservation = preservation;
        this.settings = settings;
        this.captures = captures;
    }

    /**
     * Stages a chosen file for {@code owner}: refused (and nothing kept) when it is empty, too large, of a
     * format capture does not accept, or beyond the owner's bounds. {@code field} names the form input.
     */
    Outcome keep(String owner, String material, String originalName, Upload.Opener bytes, String field) {
        sweep();
        var mine = of(owner);
        if (mine.size() >= settings.maxFiles()) {
            return refused(Violation.of(field, "tooManyFiles", settings.maxFiles()));
        }
        long used = mine.stream().mapToLong(Kept::size).sum();
        long max = Math.min(settings.maxFileSize().toBytes(), MAX_BYTES_PER_OWNER - used);
        String token = UUID.randomUUID().toString();
        StagedFile staged;
        try (InputStream in = bytes.open()) {
            staged = preservation.stage(PREFIX + token, 1, in, max);
        } catch (UploadTooLargeException e) {
            preservation.discardStaging(PREFIX + token);
            return refused(Violation.of(field, "fileTooLarge", Math.max(0, max) / (1024 * 1024)));
        } catch (IOException e) {
            preservation.discardStaging(PREFIX + token);
            throw new UncheckedIOException(e);
        }
        var problems = new java.util.ArrayList<Violation>();
        captures.checkFormat(problems, field, originalName, staged);
        if (!problems.isEmpty()) {
            preservation.discardStaging(PREFIX + token);
            return refused(problems.get(0));
        }
        var k = new Kept(
                token,
                owner,
                material,
                OriginalNames.clean(originalName),
                staged.fixity().size(),
                staged,
                Instant.now());
        kept.put(token, k);
        return new Outcome(Optional.of(k), Optional.empty());
    }

    /** The kept file of {@code token} if it is {@code owner}'s and still there; another account's is unknown. */
    Optional<Kept> find(String owner, String token) {
        if (!token.matches("[0-9a-f\\-]{36}")) {
            return Optional.empty();
        }
        var k = kept.get(token);
        if (k == null
                || !k.owner().equals(owner)
                || expired(k, Instant.now())
                || !Files.exists(k.file().path())) {
            return Optional.empty();
        }
        return Optional.of(k);
    }

    /** Drops a kept file of {@code owner} (a remove control, or after the capture that used it). */
    void discard(String owner, String token) {
        find(owner, token).ifPresent(k -> drop(k.token()));
    }

    List<Kept> of(String owner) {
        return kept.values().stream().filter(k -> k.owner().equals(owner)).toList();
    }

    /** Removes expired kept files, and staged form directories no token names any more (after a restart). */
    @Scheduled(initialDelay = 60_000, fixedDelay = 600_000)
    @NodeLocal("a console form keeps its files in this node's staging")
    void sweep() {
        var now = Instant.now();
        kept.values().stream().filter(k -> expired(k, now)).forEach(k -> drop(k.token()));
        for (String key : preservation.stagingKeys()) {
            if (key.startsWith(PREFIX) && !kept.containsKey(key.substring(PREFIX.length())) && old(key, now)) {
                preservation.discardStaging(key);
            }
        }
    }

    private boolean old(String key, Instant now) {
        var files = preservation.stagedFiles(key);
        try {
            for (var f : files) {
                if (Files.getLastModifiedTime(f).toInstant().isAfter(now.minus(ORPHAN_GRACE))) {
                    return false;
                }
            }
            return true;
        } catch (IOException e) {
            return true;
        }
    }

    private void drop(String token) {
        kept.remove(token);
        preservation.discardStaging(PREFIX + token);
    }

    private static boolean expired(Kept k, Instant now) {
        return k.at().plus(TTL).isBefore(now);
    }

    private static Outcome refused(Violation v) {
        return new Outcome(Optional.empty(), Optional.of(v));
    }
}
