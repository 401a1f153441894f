package org.siarchive.continuation;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.siarchive.shared.Access;
import org.siarchive.shared.InvalidInputException;
import org.siarchive.shared.NotFoundException;
import org.siarchive.shared.ReadableTime;
import org.siarchive.shared.Violation;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * 转移接续 as the API and the console see it: registering the 申请表, the worklist and a case's page (steps,
 * deadlines, messages), envelopes in and out, this agency's key and the peers. Every read of a case goes through
 * the scope check of {@link CaseRows}.
 */
@Component
public class ContinuationService {

    /** A case's page: the case, its steps and its messages. */
    public record CasePage(
            CaseView view, List<CaseRows.Step> steps, List<MessageLog.Entry> messages, boolean overdue) {}

    private final Applications applications;
    private final ContinuationCases cases;
    private final CaseRows rows;
    private final MessageLog log;
    private final Inbox inbox;
    private final ContinuationPeers peers;
    private final ContinuationSettings settings;
    private final ReadableTime time;

    ContinuationService(
            Applications applications,
            ContinuationCases cases,
            CaseRows rows,
            MessageLog log,
            Inbox inbox,
            ContinuationPeers peers,
            ContinuationSettings settings,
            ReadableTime time) {
        this.applications = applications;
        this.cases = cases;
        this.rows = rows;
        this.log = log;
        this.inbox = inbox;
        this.peers = peers;
        this.settings = settings;
        this.time = time;
    }

    CaseView apply(Applications.Application a, List<Applications.Scan> scans, Access access) {
        return applications.apply(a, scans, access);
    }

    public ContinuationCases cases() {
        return cases;
    }

    public ContinuationPeers peers() {
        return peers;
    }

    List<CaseView> list(CaseRows.Filter f, int limit, Access access) {
        return rows.list(f, time.today(), limit, access.scope());
    }

    CasePage page(String caseNo, Access access) {
        var c = rows.require(caseNo, access.scope());
        return new CasePage(c, rows.steps(c.id()), log.ofCase(c.id()), c.overdue(time.today()));
    }

    byte[] envelope(String caseNo, long messageId, Access access) {
        var c = rows.require(caseNo, access.scope());
        return log.envelope(c.id(), messageId)
                .orElseThrow(() -> new NotFoundException("CONTINUATION_MESSAGE", Long.toString(messageId)));
    }

    Inbox.Answer receive(byte[] envelope, Access access) {
        return inbox.receive(envelope, access);
    }

    java.time.LocalDate today() {
        return time.today();
    }

    long maxEnvelope() {
        return settings.maxEnvelopeSize().toBytes();
    }

    Map<String, String> certificate() {
        return Map.of(
                "pem", peers.ownCertificate(),
                "keyId", peers.ownKeyId(),
                "algorithm", Envelope.ALGORITHM,
                "regionCode", settings.region(),
                "agency", settings.agencyName());
    }

    static CaseRows.Filter filter(@Nullable String state, @Nullable String direction, boolean overdue) {
        return new CaseRows.Filter(
                parse(CaseView.State.class, state, "state"),
                parse(CaseView.Direction.class, direction, "direction"),
                overdue);
    }

    private static <E extends Enum<E>> @Nullable E parse(Class<E> type, @Nullable String v, String field) {
        if (v == null || v.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, v.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(Violation.of(field, "codeTable", v));
        }
    }

    static ResponseEntity<byte[]> zip(String name, byte[] bytes) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/zip"))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(name).build().toString())
                .body(bytes);
    }
}
