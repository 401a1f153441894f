package org.siarchive.comparison;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import org.siarchive.audit.AuditDetail;
import org.siarchive.audit.AuditOperation;
import org.siarchive.audit.AuditTrail;
import org.siarchive.audit.AuditedObject;
import org.siarchive.capture.Captures;
import org.siarchive.capture.Upload;
import org.siarchive.catalog.Catalog;
import org.siarchive.catalog.FondsDirectory;
import org.siarchive.catalog.PersonDirectory;
import org.siarchive.organisation.Organisations;
import org.siarchive.quality.Submission;
import org.siarchive.shared.Access;
import org.siarchive.shared.ConflictException;
import org.siarchive.shared.NotFoundException;
import org.siarchive.shared.ReadableTime;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Files a decided warning's 数据比对预警核查报告 (JH04, PDF) and 比对证据清单 (JH05, Excel) as one item of step
 * 数据比对预警核查 (JHYJ, category 09) about the person, through the ordinary capture path (docs/adr/0079): the
 * fonds of the handling unit (or its nearest ancestor with one), 业务受理号 = the warning number, idempotency key
 * {@code warning:{warning_no}}. Capture commits its own steps, so filing runs after the decision committed; a
 * crash between the capture and the row update is healed by the next call, which finds the item by its key.
 */
@Component
class EvidenceFiling {

    static final String STEP = "JHYJ";

    private final WarningRows rows;
    private final Warnings warnings;
    private final EvidenceDocument document;
    private final ReferenceTokens tokens;
    private final Captures captures;
    private final Catalog catalog;
    private final FondsDirectory fonds;
    private final PersonDirectory persons;
    private final Organisations organisations;
    private final AuditTrail audit;
    private final TransactionTemplate tx;
    private final ReadableTime time;

    EvidenceFiling(
            WarningRows rows,
            Warnings warnings,
            EvidenceDocument document,
            ReferenceTokens tokens,
            Captures captures,
            Catalog catalog,
            FondsDirectory fonds,
            PersonDirectory persons,
            Organisations organisations,
            AuditTrail audit,
            TransactionTemplate tx,
            ReadableTime time) {
        this.rows = rows;
        this.warnings = warnings;
        this.document = document;
        this.tokens = tokens;
        this.captures = captures;
        this.catalog = catalog;
        this.fonds = fonds;
        this.persons = persons;
        this.organisations = organisations;
        this.audit = audit;
        this.tx = tx;
        this.time = time;
    }

    /** The evidence item of the decided warning, filing it first if needed; idempotent. */
    UUID file(String warningNo, Access access) {
        var w = rows.byNumber(warningNo.strip(), access.scope().orgPattern(), false)
                .orElseThrow(() -> new NotFoundException("WARNING", warningNo));
        if (w.decidedAt() == null) {
            throw new ConflictException("warning.conflict.notDecided", w.warningNo());
        }
        if (w.evidenceItemId() != null) {
            return w.evidenceItemId();
        }
        String key = "warning:" + w.warningNo();
        var earlier = catalog.itemByIdempotencyKey("key:" + key);
        UUID item = earlier.isPresent() ? earlier.get().id() : capture(w, key, access);
        String certNo = Objects.requireNonNullElse(tokens.open(w.certEnc()), "");
        Long personId = persons.idOf(certNo).orElse(null);
        tx.executeWithoutResult(s -> {
            if (rows.evidenceFiled(w.id(), item, personId)) {
                rows.event(w.id(), access.actor().name(), "FILE", null);
                audit.record(
                        access.actor(),
                        AuditedObject.WARNING,
                        w.warningNo(),
                        AuditOperation.CAPTURE,
                        null,
                        AuditDetail.of("audit.detail.warningFiled", item).encoded());
            }
        });
        return item;
    }

    private UUID capture(Warning w, String key, Access access) {
        Locale zh = Locale.SIMPLIFIED_CHINESE;
        String certNo = Objects.requireNonNull(tokens.open(w.certEnc()), "sealed ID number");
        var unit = organisations.require(w.orgId());
        String name = persons.idOf(certNo)
                .flatMap(persons::nameOf)
                .orElse(w.nameMasked() == null || w.nameMasked().isBlank() ? "—" : w.nameMasked());
        var view = warnings.view(w);
        var evidence = rows.evidence(w.id());
        var decided = time.at(Objects.requireNonNull(w.decidedAt()));
        var s = new Submission(
                fondsOf(w.orgPath()),
                w.warningNo(),
                STEP,
                null,
                document.title(view, zh),
                unit.name(),
                decided.toLocalDate().toString(),
                w.warningNo(),
                null,
                new Submission.Person("01", certNo, name),
                null,
                w.decidedBy(),
                unit.name(),
                decided.toOffsetDateTime().toString(),
                List.of(new Submission.Material("JH04"), new Submission.Material("JH05")));
        var uploads = List.of(
                Upload.ofBytes(w.warningNo() + ".pdf", document.pdf(view, evidence, unit.name(), zh)),
                Upload.ofBytes(w.warningNo() + ".xlsx", document.xlsx(view, evidence, unit.name(), zh)));
        return captures.capture(s, uploads, key, access.actor()).item().id();
    }

    /** The fonds of the unit, or of its nearest ancestor that has one. */
    private String fondsOf(String orgPath) {
        return fonds.all().stream()
                .filter(f -> f.orgId() != null && orgPath.contains("/" + f.orgId() + "/"))
                .max(Comparator.comparingInt(f -> orgPath.indexOf("/" + f.orgId() + "/")))
                .map(FondsDirectory.Fonds::code)
                .orElseThrow(() -> new ConflictException("warning.conflict.noFonds", orgPath));
    }
}
