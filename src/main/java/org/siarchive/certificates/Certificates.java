package org.siarchive.certificates;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.siarchive.audit.AuditDetail;
import org.siarchive.audit.AuditOperation;
import org.siarchive.audit.AuditTrail;
import org.siarchive.audit.AuditedObject;
import org.siarchive.catalog.Catalog;
import org.siarchive.catalog.PartyFile;
import org.siarchive.crypto.KeyDirectory;
import org.siarchive.lending.Utilisation;
import org.siarchive.organisation.OrgUnit;
import org.siarchive.organisation.Organisations;
import org.siarchive.platform.DataDirectory;
import org.siarchive.preservation.Digester;
import org.siarchive.shared.Access;
import org.siarchive.shared.InvalidInputException;
import org.siarchive.shared.NotFoundException;
import org.siarchive.shared.ReadableTime;
import org.siarchive.shared.Violation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issues and verifies certified copies. An archive extract lists every item about a person within the
 * issuer's scope; it is laid out as PDF or OFD with the QR code of {@code <public-url>/verify/<code>},
 * signed (SM3withSM2), and stored byte for byte with its digests and a masked summary, audited and entered
 * in the utilisation register per item in one transaction. Verification of a code shows the summary;
 * verification of a file requires the very bytes issued (SM3 and SHA-256) and a signature by the
 * platform's key.
 *
 * <p>A certificate belongs to the organisation that issued it and names that organisation's agency as
 * issuer; it is seen only within that organisation's subtree ({@link #visible}, docs/adr/0031).
 */
@Component
public class Certificates {

    private static final Logger log = LoggerFactory.getLogger(Certificates.class);

    static final String CODE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年MM月dd日 HH:mm");

    private final CertificateRows rows;
    private final Catalog catalog;
    private final AuditTrail audit;
    private final Utilisation register;
    private final Organisations organisations;
    private final CertificateSignatures signatures;
    private final ReadableTime time;
    private final OfdCertificates ofd;
    private final String publicUrl;
    private final String issuer;
    private final SecureRandom random = new SecureRandom();

    Certificates(
            CertificateRows rows,
            Catalog catalog,
            AuditTrail audit,
            Utilisation register,
            Organisations organisations,
            KeyDirectory keys,
            DataDirectory data,
            ReadableTime time,
            @Value("${siarchive.certificates.public-url:http://127.0.0.1:8080}") String publicUrl,
            @Value("${siarchive.fonds.agency:社会保险事业管理中心}") String issuer) {
        this.rows = rows;
        this.catalog = catalog;
        this.audit = audit;
        this.register = register;
        this.organisations = organisations;
        this.signatures = new CertificateSignatures(keys.signingKey("certificates"), issuer);
        this.ofd = new OfdCertificates(signatures, data.resolve("certificate-work"));
        this.time = time;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        this.issuer = issuer;
    }

    /** A certificate as the consoles and the public page show it (never the unmasked subject). */
    public record Certificate(
            long id,
            String code,
            String kind,
            String format,
            String subjectName,
            String subjectId,
            int items,
            String purpose,
            String issuer,
            String keyId,
            long sizeBytes,
            String sm3,
            String issuedBy,
            OffsetDateTime issuedAt) {}

    @Transactional
    public Certificate issue(String idNumber, String format, String purpose, Access access) {
        String p = validPurpose(idNumber, format, purpose);
        long personId = catalog.findPerson(idNumber.strip().toUpperCase(), access)
                .orElseThrow(() -> new NotFoundException(
                        "PERSON", String.valueOf(org.siarchive.crypto.Masks.idNumber(idNumber.strip()))));
        return issued(catalog.personFile(personId, access), format, p, access);
    }

    /** Lays out, signs, stores, registers and audits an extract of {@code file}, checked by the caller. */
    Certificate issued(PartyFile file, String format, String p, Access access) {
        long personId = file.party().id();
        var org = issuingOrganisation(access);
        var content = extract(file, code(), issuerName(org), p);
        byte[] document = format.equals("PDF") ? signedPdf(content) : ofd.signed(content);
        var fixity = Digester.of(document);
        long id = rows.insert(new CertificateRows.Issued(
                content.code(),
                format,
                personId,
                content.subjectName(),
                file.party().key(),
                content.items().size(),
                p,
                content.issuer(),
                signatures.keyId(),
                fixity,
                document,
                access.actor().name(),
                org.path()));
        registerUses(file, p, access);
        audit.record(
                access.actor(),
                AuditedObject.CERTIFICATE,
                content.code(),
                AuditOperation.ISSUE,
                p,
                AuditDetail.of(
                                "audit.detail.certificateIssued",
                                format,
                                personId,
                                content.items().size(),
                                fixity.sm3())
                        .encoded());
        return rows.byId(id);
    }

    /** The purpose, stripped, once the form is valid: every field's problem at once otherwise. */
    static String validPurpose(@Nullable String idNumber, String format, @Nullable String purpose) {
        var v = new ArrayList<Violation>();
        if (!format.equals("PDF") && !format.equals("OFD")) {
            v.add(Violation.of("format", "codeTable", format));
        }
        String p = purpose == null ? "" : purpose.strip();
        if (p.isEmpty() || p.length() > 200) {
            v.add(Violation.of("purpose", p.isEmpty() ? "required" : "maxLength", 200));
        }
        if (idNumber == null || idNumber.isBlank()) {
            v.add(Violation.of("idNumber", "required"));
        }
        if (!v.isEmpty()) {
            throw new InvalidInputException(v);
        }
        return p;
    }

    /** The archive extract's content: every item of the person's file, the subject's name masked. */
    private CertificateDocuments.Content extract(PartyFile file, String code, String issuedIn, String purpose) {
        var items = file.items().stream()
                .map(i -> new String[] {
                    i.archiveCode(),
                    i.title(),
                    i.stepName(),
                    time.date(i.handledAt()).toString()
                })
                .toList();
        return new CertificateDocuments.Content(
                "社会保险业务档案摘录证明",
                issuedIn,
                code,
                publicUrl + "/verify/" + code,
                maskName(file.party().name()),
                file.party().key(),
                time.format(catalog.now(), DAY),
                purpose,
                items);
    }

    /** Every item of the extract is a use of the archive (利用登记), for the purpose 出证. */
    private void registerUses(PartyFile file, String purpose, Access access) {
        for (var i : file.items()) {
            var use = Utilisation.Use.byAccount(access, "CERTIFY", purpose);
            register.record("CERTIFICATE", null, null, i.id(), i.archiveCode(), use, access);
        }
    }

    /** The organisation a certificate is issued in: the issuing caller's data-scope organisation. */
    private OrgUnit issuingOrganisation(Access access) {
        String path = access.scope().orgPath();
        if (path.equals("/")) {
            return organisations.root(); // the platform's own jobs
        }
        return organisations.byPath(path).orElseThrow(() -> new NotFoundException("ORG_UNIT", path));
    }

    /** The root keeps the configured agency name; any other unit issues under its own name. */
    private String issuerName(OrgUnit org) {
        return org.parentId() == null ? issuer : org.name();
    }

    private byte[] signedPdf(CertificateDocuments.Content c) {
        try {
            return signatures.signPdf(CertificateDocuments.pdf(c), "证明编号 " + c.code());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The outcome of checking a file against a code. */
    public record Verdict(boolean authentic, List<VerificationProblem.Finding> problems) {}

    /** Checks an uploaded file: the bytes issued under the code, and a signature by the platform's key. */
    public Verdict verify(String code, byte[] file) {
        var c = byCode(code).orElseThrow(() -> new NotFoundException("CERTIFICATE", code));
        var fixity = Digester.of(file);
        if (!fixity.matchesSizeAndSm3(c.sizeBytes(), c.sm3())) {
            // not the bytes issued: already not authentic, and an anonymous upload is never parsed further
            return new Verdict(
                    false,
                    List.of(VerificationProblem.CONTENT_DIFFERS.with(
                            fixity.sm3().substring(0, 16), c.sm3().substring(0, 16))));
        }
        var problems = c.format().equals("PDF") ? signatures.verifyPdf(file) : ofd.problems(file);
        return new Verdict(problems.isEmpty(), problems);
    }

    public java.util.Optional<Certificate> byCode(String code) {
        return rows.byCode(code);
    }

    /**
     * The one scope check of certificates: a certificate issued within the caller's organisation subtree,
     * else 404 (the same answer as for an id that does not exist). Every read by id goes through here.
     */
    public Certificate visible(long id, Access access) {
        return rows.visible(id, access);
    }

    /** The issued bytes of a certificate the caller may see. */
    public byte[] document(long id, Access access) {
        visible(id, access);
        return rows.document(id);
    }

    /** The latest certificates within the caller's scope. */
    public List<Certificate> recent(int limit, Access access) {
        return rows.recent(limit, access);
    }

    private String code() {
        var sb = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            sb.append(CODE_ALPHABET.charAt(random.nextInt(CODE_ALPHABET.length())));
        }
        return sb.toString();
    }

    static String maskName(@Nullable String name) {
        if (name == null || name.isEmpty()) {
            return "";
        }
        if (name.length() == 1) {
            return name;
        }
        if (name.length() == 2) {
            return name.charAt(0) + "*";
        }
        return name.charAt(0) + "*".repeat(name.length() - 2) + name.charAt(name.length() - 1);
    }
}
