package org.siarchive.certificates;

import java.util.List;
import org.siarchive.catalog.OwnItems;
import org.siarchive.certificates.Certificates.Certificate;
import org.siarchive.shared.Access;
import org.siarchive.shared.ConflictException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A person's own archive extract, issued by the person themself through the online service: the same signed
 * PDF or OFD with its QR code as a counter's, listing the items the person is shown of their own file (the
 * withholding rule applied), issued in the name of the platform's agency, audited and registered with the
 * person's portal actor. A person sees and downloads only the certificates their own account issued.
 */
@Component
public class OwnExtracts {

    /** The most certificates listed. */
    public static final int LIMIT = 20;

    private final Certificates certificates;
    private final CertificateRows rows;
    private final OwnItems items;

    OwnExtracts(Certificates certificates, CertificateRows rows, OwnItems items) {
        this.certificates = certificates;
        this.rows = rows;
        this.items = items;
    }

    /**
     * Issues today's extract of the person with {@code certNo} (their own, from their account, never typed);
     * {@code access} names the portal account and has the platform's root as its organisation.
     */
    @Transactional
    public Certificate issue(String certNo, OwnItems.Withholding rule, String format, String purpose, Access access) {
        String p = Certificates.validPurpose(certNo, format, purpose);
        var file = items.file(certNo, rule).orElseThrow(() -> new ConflictException("conflict.portalNothingToCertify"));
        return certificates.issued(file, format, p, access);
    }

    /** The certificates the account {@code issuedBy} issued, newest first (at most {@value #LIMIT}). */
    public List<Certificate> issuedBy(String issuedBy) {
        return rows.issuedBy(issuedBy, LIMIT);
    }

    /** One certificate the account issued, else 404. */
    public Certificate issuedBy(long id, String issuedBy) {
        return rows.issuedBy(id, issuedBy);
    }

    /** The issued bytes of a certificate the account issued, else 404. */
    public byte[] document(long id, String issuedBy) {
        rows.issuedBy(id, issuedBy);
        return rows.document(id);
    }
}
