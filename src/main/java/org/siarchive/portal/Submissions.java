package org.siarchive.portal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.siarchive.audit.AuditOperation;
import org.siarchive.audit.AuditTrail;
import org.siarchive.audit.AuditedObject;
import org.siarchive.capture.Captures;
import org.siarchive.capture.ScreenedFile;
import org.siarchive.capture.Upload;
import org.siarchive.catalog.Catalog;
import org.siarchive.catalog.Classification;
import org.siarchive.crypto.FieldCipher;
import org.siarchive.organisation.Organisations;
import org.siarchive.quality.Submission;
import org.siarchive.shared.Actor;
import org.siarchive.shared.ForbiddenException;
import org.siarchive.shared.InvalidInputException;
import org.siarchive.shared.Scope;
import org.siarchive.shared.Violation;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Employers' submissions (网上申报): the files pass capture's own checks (format, hostile content, size, the
 * filing check GD) before anything is kept, then the submission and its bytes are written in one transaction
 * with its audit entry, waiting (待受理) in the inbox of the unit that handles the employer (docs/adr/0105).
 * A credit code the account is not bound to is refused (403) and audited; nothing is kept on any refusal.
 */
@Component
class Submissions {

    /** What the employer filled in; {@code files} are the chosen uploads by 业务材料 code, in step order. */
    record Draft(
            @Nullable String creditCode,
            @Nullable String businessStep,
            @Nullable String personName,
            @Nullable String personCertNo,
            @Nullable String title,
            @Nullable String docDate,
            List<Chosen> files) {}

    /** One chosen file and the material it answers. */
    record Chosen(String material, Upload upload) {}

    static final String ACCEPTANCE_PREFIX = "WSSB";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final TransactionTemplate tx;
    private final AuditTrail audit;
    private final Captures captures;
    private final Catalog catalog;
    private final Organisations organisations;
    private final EmployerBindings bindings;
    private final FieldCipher cipher;

    Submissions(
            JdbcClient jdbc,
            JdbcTemplate template,
            TransactionTemplate tx,
            AuditTrail audit,
            Captures captures,
            Catalog catalog,
            Organisations organisations,
            EmployerBindings bindings,
            FieldCipher cipher) {
        this.jdbc = jdbc;
        this.template = template;
        this.tx = tx;
        this.audit = audit;
        this.captures = captures;
        this.catalog = catalog;
        this.organisations = organisations;
        this.bindings = bindings;
        this.cipher = cipher;
    }

    /** Person-side steps an employer files for its workers: 增员 (参保登记), 减员, 工伤认定申请. */
    static final java.util.Set<String> WORKER_STEPS = java.util.Set.of("GRCB", "GRJY", "GSRD");

    /** 稽核 is the agency's own business, not an employer's submission. */
    static final java.util.Set<String> AGENCY_STEPS = java.util.Set.of("JHCL");

    /**
     * The business steps an employer may submit for: the classification's employer-side steps (but 稽核)
     * and the person-side steps it files for its workers (docs/adr/0105).
     */
    List<Classification.Step> employerSteps() {
        return catalog.classification().steps().stream()
                .filter(s -> (s.subject().equals("EMPLOYER") && !AGENCY_STEPS.contains(s.code()))
                        || WORKER_STEPS.contains(s.code()))
                .toList();
    }

    /**
     * Checks and keeps a submission: 403 (audited) for a credit code the account is not bound to, 422 naming
     * the field for anything capture would refuse; otherwise one transaction writes the row, its files and
     * the SUBMIT audit entry.
     */
    long submit(PortalUser user, Draft draft, Actor actor) {
        String code = draft.creditCode() == null ? "" : draft.creditCode().strip();
        if (code.isEmpty()) {
            throw new InvalidInputException(Violation.of("creditCode", "required"));
        }
        var employer = bindings.employerName(user.accountId(), code);
        if (employer.isEmpty()) {
            audit.recordAlone(
                    actor,
                    AuditedObject.EMPLOYER_BINDING,
                    code.length() > 18 ? code.substring(0, 18) : code,
                    AuditOperation.SUBMIT,
                    AuditTrail.DENIED,
                    null,
                    "not bound");
            throw new ForbiddenException("portal.submission.unbound", code);
        }
        String step = draft.businessStep() == null ? "" : draft.businessStep().strip();
        if (employerSteps().stream().noneMatch(s -> s.code().equals(step))) {
            throw new InvalidInputException(Violation.of("businessStep", "portalStep"));
        }
        String orgPath = catalog.employerOrgPath(code)
                .orElseGet(() -> organisations.root().path());
        String fonds = fondsOf(orgPath);
        var handledAt = OffsetDateTime.now().minusSeconds(1).truncatedTo(ChronoUnit.SECONDS);
        var target = new Target(code, employer.get(), step, fonds, orgPath);
        var s = submission(target, draft, ACCEPTANCE_PREFIX + "0", user.displayName(), handledAt);
        var uploads = draft.files().stream().map(Chosen::upload).toList();
        var screened = captures.screen(s, uploads, actor);
        Long id = tx.execute(t -> keep(user, target, draft, screened, actor));
        return java.util.Objects.requireNonNull(id);
    }

    /** Where a submission files: the employer, the step, the fonds and the handling unit. */
    record Target(String creditCode, String employerName, String step, String fonds, String orgPath) {}

    private long keep(PortalUser user, Target target, Draft draft, List<ScreenedFile> screened, Actor actor) {
        var person = WORKER_STEPS.contains(target.step()) ? person(draft) : null;
        long id = jdbc.sql(
                        """
                insert into portal_submission (account_id, credit_code, employer_name, step_code, person_name,
                       person_cert, title, doc_date, org_path, fonds_code)
                values (:a, :c, :n, :s, :pn, :pc, :t, :d, :o, :f) returning id""")
                .param("a", user.accountId())
                .param("c", target.creditCode())
                .param("n", target.employerName())
                .param("s", target.step())
                .param("pn", person == null ? null : person.name())
                .param("pc", person == null ? null : cipher.encrypt(person.certNo(), PortalAccounts.CERT_CONTEXT))
                .param("t", java.util.Objects.requireNonNull(draft.title()).strip())
                .param(
                        "d",
                        LocalDate.parse(java.util.Objects.requireNonNull(draft.docDate())
                                .strip()))
                .param("o", target.orgPath())
                .param("f", target.fonds())
                .query(Long.class)
                .single();
        for (int i = 0; i < screened.size(); i++) {
            var chosen = draft.files().get(i);
            var f = screened.get(i);
            int seq = i + 1;
            try (InputStream in = chosen.upload().opener().open()) {
                template.update(
                        """
                        insert into portal_submission_file
                               (submission_id, seq, material, original_name, media_type, size, sha256, content)
                        values (?, ?, ?, ?, ?, ?, ?, ?)""",
                        ps -> {
                            ps.setLong(1, id);
                            ps.setInt(2, seq);
                            ps.setString(3, chosen.material());
                            ps.setString(
                                    4,
                                    org.siarchive.shared.OriginalNames.clean(
                                            chosen.upload().originalName()));
                            ps.setString(5, f.mediaType());
                            ps.setLong(6, f.size());
                            ps.setString(7, f.sha256());
                            ps.setBinaryStream(8, in, f.size());
                        });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        audit.record(
                actor,
                AuditedObject.PORTAL_SUBMISSION,
                Long.toString(id),
                AuditOperation.SUBMIT,
                null,
                target.creditCode() + " " + target.step() + " " + screened.size());
        return id;
    }

    /** The metadata a capture of this submission files, with the acceptance number and the handler given. */
    Submission submission(Target t, Draft d, String acceptanceNo, String handler, OffsetDateTime handledAt) {
        var materials = d.files().stream()
                .map(c -> new Submission.Material(c.material()))
                .toList();
        var step = catalog.classification().step(t.step());
        return new Submission(
                t.fonds(),
                acceptanceNo,
                t.step(),
                step == null ? null : step.insuranceType(),
                d.title() == null ? null : d.title().strip(),
                t.employerName(),
                d.docDate() == null ? null : d.docDate().strip(),
                null,
                null,
                WORKER_STEPS.contains(t.step()) ? person(d) : null,
                new Submission.Employer(t.creditCode(), t.employerName()),
                handler,
                organisations
                        .byPath(t.orgPath())
                        .map(u -> u.name())
                        .orElse(organisations.root().name()),
                handledAt.toString(),
                materials);
    }

    private static Submission.@Nullable Person person(Draft d) {
        if (d.personName() == null && d.personCertNo() == null) {
            return null;
        }
        String cert = d.personCertNo() == null ? null : d.personCertNo().strip().toUpperCase(java.util.Locale.ROOT);
        return new Submission.Person(
                "01", cert, d.personName() == null ? null : d.personName().strip());
    }

    /** The fonds a unit files into: the first of its subtree, else the first of all. */
    private String fondsOf(String orgPath) {
        var codes = catalog.fondsCodesInScope(new Scope(orgPath, null, 3));
        if (codes.isEmpty()) {
            codes = catalog.fondsCodesInScope(Scope.EVERYTHING);
        }
        return codes.isEmpty() ? "" : codes.get(0);
    }
}
