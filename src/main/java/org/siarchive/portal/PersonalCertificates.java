package org.siarchive.portal;

import java.util.List;
import org.siarchive.audit.AuditDetail;
import org.siarchive.audit.AuditOperation;
import org.siarchive.audit.AuditTrail;
import org.siarchive.audit.AuditedObject;
import org.siarchive.certificates.Certificates.Certificate;
import org.siarchive.certificates.OwnExtracts;
import org.siarchive.shared.NotFoundException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A person's self-service certificates: today's archive extract of their own file, issued through
 * {@link OwnExtracts} with their own ID number (from the account, never from the form) and their portal actor;
 * only the certificates their account issued are listed or served — any other id answers 404, audited.
 */
@Component
class PersonalCertificates {

    private final OwnExtracts extracts;
    private final PersonalArchive archive;
    private final AuditTrail audit;
    private final PortalNotices notices;

    PersonalCertificates(OwnExtracts extracts, PersonalArchive archive, AuditTrail audit, PortalNotices notices) {
        this.notices = notices;
        this.extracts = extracts;
        this.archive = archive;
        this.audit = audit;
    }

    /** Issues the extract and tells the person it is ready (portal message and SMS), in one transaction. */
    @Transactional
    Certificate issue(PersonalArchive.Me me, String format, String purpose) {
        var c = extracts.issue(me.certNo(), archive.rule(), format, purpose, me.access());
        notices.notify(me.accountId(), "portal.notice.certificate.ready", List.of(c.code()), "certificate:" + c.code());
        return c;
    }

    List<Certificate> mine(PersonalArchive.Me me) {
        return extracts.issuedBy(me.actor().name());
    }

    /** The issued bytes of one of the person's own certificates (download audited), else 404 audited DENIED. */
    @Transactional
    Document document(PersonalArchive.Me me, String id) {
        long n;
        Certificate c;
        byte[] bytes;
        try {
            n = Long.parseLong(id);
            c = extracts.issuedBy(n, me.actor().name());
            bytes = extracts.document(n, me.actor().name());
        } catch (NumberFormatException | NotFoundException e) {
            String what = id.length() > 100 ? id.substring(0, 100) : id;
            audit.recordAlone(
                    me.actor(),
                    AuditedObject.CERTIFICATE,
                    what,
                    AuditOperation.DOWNLOAD,
                    AuditTrail.DENIED,
                    null,
                    AuditDetail.of("audit.detail.portalNotOwn", what).encoded());
            throw new NotFoundException("CERTIFICATE", what);
        }
        audit.record(me.actor(), AuditedObject.CERTIFICATE, c.code(), AuditOperation.DOWNLOAD, null, c.format());
        return new Document(c, bytes);
    }

    record Document(Certificate certificate, byte[] bytes) {}
}
