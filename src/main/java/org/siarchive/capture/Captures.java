package org.siarchive.capture;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.siarchive.catalog.Catalog;
import org.siarchive.catalog.ItemRecord;
import org.siarchive.crypto.Masks;
import org.siarchive.preservation.AcceptedFormats;
import org.siarchive.preservation.Preservation;
import org.siarchive.preservation.StagedFile;
import org.siarchive.preservation.UploadTooLargeException;
import org.siarchive.quality.Quality;
import org.siarchive.quality.Submission;
import org.siarchive.shared.Access;
import org.siarchive.shared.Actor;
import org.siarchive.shared.ConflictException;
import org.siarchive.shared.InvalidInputException;
import org.siarchive.shared.Scope;
import org.siarchive.shared.Violation;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The capture path: validate → stage (digests, format) → register (档号, audit) → preserve (OCFL
 * version, fsync) → mark preserved (audit, event) → acknowledge. Idempotent on the client's key or
 * the 业务受理号: a repeat returns the first result; the same key with different content is a conflict.
 */
@Component
public class Captures {

    private final Quality quality;
    private final Catalog catalog;
    private final Preservation preservation;
    private final SubmissionFacts facts;
    private final Fingerprints fingerprints;
    private final CaptureSettings settings;
    private final AcceptedFormats acceptedFormats;
    private final FilingGate filingGate;
    private final GroupCommit groupCommit;
    private final ObjectVersions versions;
    private final TransactionTemplate tx;

    Captures(
            Quality quality,
            Catalog catalog,
            Preservation preservation,
            SubmissionFacts facts,
            Fingerprints fingerprints,
            CaptureSettings settings,
            AcceptedFormats acceptedFormats,
            FilingGate filingGate,
            GroupCommit groupCommit,
            ObjectVersions versions,
            TransactionTemplate tx) {
        this.tx = tx;
        this.quality = quality;
        this.catalog = catalog;
        this.preservation = preservation;
        this.facts = facts;
        this.fingerprints = fingerprints;
        this.settings = settings;
        this.acceptedFormats = acceptedFormats;
        this.filingGate = filingGate;
        this.groupCommit = groupCommit;
        this.versions = versions;
    }

    /**
     * A caller's capture: the fonds must lie within their data scope (otherwise it is treated as an
     * unknown code), and the answer shows personal data masked.
     */
    public CaptureResult capture(Submission s, List<Upload> uploads, @Nullable String idempotencyKey, Access access) {
        requireInScope(s, access.scope());
        var result = capture(s, uploads, idempotencyKey, access.actor(), access.scope());
        var item = result.item();
        return new CaptureResult(item.withCertNo(Masks.idNumber(item.certNo())), result.replayed());
    }

    public CaptureResult capture(Submission s, List<Upload> uploads, @Nullable String idempotencyKey, Actor actor) {
        return capture(s, uploads, idempotencyKey, actor, Scope.EVERYTHING);
    }

    /** A fonds outside the caller's data scope is refused as if its code were unknown. */
    void requireInScope(Submission s, Scope scope) {
        if (s.fondsCode() != null
                && !s.fondsCode().isBlank()
                && !catalog.fondsInScope(s.fondsCode().strip(), scope)) {
            throw new InvalidInputException(
                    Violation.of("fondsCode", "outOfScope", s.fondsCode().strip()));
        }
    }

    /** The key a capture is idempotent on: the client's key, else the 业务受理号. */
    static String keyOf(Submission s, @Nullable String idempotencyKey) {
        return idempotencyKey != null
                ? "key:" + idempotencyKey.strip()
                : "acceptance:" + s.acceptanceNo().strip();
    }

    /**
     * Every check a capture of {@code s} with {@code uploads} passes before a 档号 is assigned — the metadata,
     * the files' count, size and format (malformed and active content refused) and the filing check (GD,
     * its run kept) — without registering anything: the staged copies are discarded. For intake that keeps
     * the files elsewhere until a clerk captures them (the online service's submissions). Throws
     * {@link InvalidInputException} naming the refused field.
     */
    public List<ScreenedFile> screen(Submission s, List<Upload> uploads, Actor actor) {
        validate(s, uploads, null);
        String key = "screen-" + UUID.randomUUID();
        try {
            var staged = stageAll(key, uploads);
            filingGate.require(Filings.of(s, uploads, staged, acceptedFormats), actor);
            return staged.stream()
                    .map(f -> new ScreenedFile(
                            f.format().mediaType(),
                            f.fixity().size(),
                            f.fixity().sha256()))
                    .toList();
        } finally {
            preservation.discardStaging(key);
        }
    }

    /** {@code seen}: the scope within which an earlier capture under the same key may be named or replayed. */
    private CaptureResult capture(
            Submission s, List<Upload> uploads, @Nullable String idempotencyKey, Actor actor, Scope seen) {
        validate(s, uploads, idempotencyKey);
        String key = keyOf(s, idempotencyKey);
        var earlier = catalog.itemByIdempotencyKey(key);
        if (earlier.isPresent()) {
            return replay(earlier.get(), fingerprints.ofUploads(s, uploads), seen);
        }
        UUID id = UUID.randomUUID();
        try {
            return captureNew(id, key, s, uploads, actor, seen);
        } finally {
            preservation.discardStaging(id.toString());
        }
    }

    private CaptureResult captureNew(UUID id, String key, Submission s, List<Upload> uploads, Actor actor, Scope seen) {
        var prepared = prepare(id, key, s, uploads, actor);
        if (groupCommit.forSingles()) {
            return groupCommit.commit(List.of(prepared), actor).get(0).result(this, prepared, seen);
        }
        preservation.syncStaging(id.toString());
        ItemRecord item;
        try {
            item = catalog.register(prepared.newItem(), actor);
        } catch (DuplicateKeyException e) {
            // a concurrent request with the same key committed first
            return replay(catalog.itemByIdempotencyKey(key).orElseThrow(() -> e), prepared.fingerprint(), seen);
        }
        int version = versions.write(item, prepared.staged(), actor);
        // one commit for both: the item preserved (audit, event) and its GD run tied to its 档号 (docs/adr/0109)
        tx.executeWithoutResult(t -> {
            catalog.markPreserved(id, version, actor);
            filingGate.filed(prepared.filingRun(), id, item.archiveCode());
        });
        return new CaptureResult(catalog.requireItem(id), false);
    }

    /**
     * Everything before the 档号, for one capture checked by {@link #validate}: its files staged under
     * {@code id} (digests, format), the filing check (GD) passed and its run kept, its fingerprint. Throws
     * {@link InvalidInputException} naming the refused field.
     */
    PreparedCapture prepare(UUID id, String key, Submission s, List<Upload> uploads, Actor actor) {
        var staged = stage(id, key, s, uploads);
        return prepared(staged, filingGate.require(staged.filing(), actor));
    }

    /** The first half of {@link #prepare}: the files staged under {@code id} (digests, format), not yet filing-checked. */
    StagedCapture stage(UUID id, String key, Submission s, List<Upload> uploads) {
        var staged = stageAll(id.toString(), uploads);
        return new StagedCapture(id, key, s, uploads, staged, Filings.of(s, uploads, staged, acceptedFormats));
    }

    /** The second half of {@link #prepare}: a staged capture whose filing check passed with run {@code filingRun}. */
    PreparedCapture prepared(StagedCapture c, long filingRun) {
        var s = c.submission();
        String fingerprint = fingerprints.of(
                s, c.files().stream().map(f -> f.fixity().sha256()).toList());
        return new PreparedCapture(
                c.id(), c.key(), fingerprint, c.newItem(fingerprint, quality.zone()), c.files(), filingRun);
    }

    /**
     * The answer for a key used before. An earlier item outside the caller's scope is neither named nor
     * handed out: the key is taken, nothing more is said (docs/adr/0031).
     */
    CaptureResult replay(ItemRecord earlier, String fingerprint, Scope seen) {
        if (!catalog.inScope(earlier.id(), seen)) {
            throw new ConflictException("conflict.idempotencyKeyReusedElsewhere", earlier.acceptanceNo());
        }
        if (!earlier.fingerprint().equals(fingerprint)) {
            throw new ConflictException("conflict.idempotencyKeyReused", earlier.acceptanceNo(), earlier.archiveCode());
        }
        if (!earlier.preserved()) {
            throw new ConflictException("conflict.captureInProgress", earlier.archiveCode());
        }
        return new CaptureResult(earlier, true);
    }

    /**
     * Every rule a capture by {@code access} breaks, all at once and before anything is staged: the fonds'
     * scope, the metadata and the files' count (the console form shows them beside its fields).
     */
    List<Violation> problems(Submission s, List<Upload> uploads, Access access) {
        var v = new ArrayList<Violation>();
        if (s.fondsCode() != null
                && !s.fondsCode().isBlank()
                && !catalog.fondsInScope(s.fondsCode().strip(), access.scope())) {
            v.add(Violation.of("fondsCode", "outOfScope", s.fondsCode().strip()));
        }
        v.addAll(violations(s, uploads, null));
        return v;
    }

    void validate(Submission s, List<Upload> uploads, @Nullable String idempotencyKey) {
        var v = violations(s, uploads, idempotencyKey);
        if (!v.isEmpty()) {
            throw new InvalidInputException(v);
        }
    }

    private List<Violation> violations(Submission s, List<Upload> uploads, @Nullable String idempotencyKey) {
        var v = new ArrayList<>(quality.check(s, facts.current()));
        if (uploads.isEmpty()) {
            v.add(Violation.of("files", "noUpload"));
        } else if (uploads.size() > settings.maxFiles()) {
            v.add(Violation.of("files", "tooManyFiles", settings.maxFiles()));
        } else if (uploads.size() != s.filesOrEmpty().size()) {
            v.add(Violation.of("files", "fileCountMismatch", s.filesOrEmpty().size(), uploads.size()));
        }
        if (idempotencyKey != null && !idempotencyKey.strip().matches("[A-Za-z0-9_.:\\-]{1,150}")) {
            v.add(Violation.of("Idempotency-Key", "format"));
        }
        return v;
    }

    private List<StagedFile> stageAll(String key, List<Upload> uploads) {
        var staged = new ArrayList<StagedFile>();
        var v = new ArrayList<Violation>();
        long max = settings.maxFileSize().toBytes();
        for (int i = 0; i < uploads.size(); i++) {
            try (InputStream in = uploads.get(i).opener().open()) {
                var f = preservation.stage(key, i + 1, in, max);
                checkFormat(v, i, uploads.get(i).originalName(), f);
                staged.add(f);
            } catch (UploadTooLargeException e) {
                v.add(Violation.of(
                        "files[" + i + "]",
                        "fileTooLarge",
                        settings.maxFileSize().toMegabytes()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (!v.isEmpty()) {
            throw new InvalidInputException(v);
        }
        return staged;
    }

    private void checkFormat(List<Violation> v, int i, String name, StagedFile f) {
        checkFormat(v, "files[" + i + "]", name, f);
    }

    /** The format rules of one staged upload, reported on {@code field}. */
    void checkFormat(List<Violation> v, String field, String name, StagedFile f) {
        if (f.fixity().size() == 0) {
            v.add(Violation.of(field, "emptyFile"));
        } else if (!acceptedFormats.accepts(f.format())) {
            v.add(Violation.of(field, "formatNotAccepted", f.format().mediaType()));
        } else if (!f.format().readable()) {
            v.add(Violation.of(field, "formatUnreadable", f.format().name()));
        } else if (f.format().refusal() != null) {
            v.add(f.format().refusal().violation(field, org.siarchive.shared.OriginalNames.clean(name)));
        }
    }
}
