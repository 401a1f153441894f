package org.siarchive.continuation;

import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.siarchive.audit.AuditOperation;
import org.siarchive.organisation.Organisations;
import org.siarchive.quality.CitizenIdNumber;
import org.siarchive.shared.Access;
import org.siarchive.shared.InvalidInputException;
import org.siarchive.shared.ReadableTime;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Receives a peer's envelope (over the API, or uploaded as a file): addressed to this agency, sent by a registered
 * peer, signed by that peer's registered key (else 422 naming the rule); a second delivery of the same bytes is
 * answered with the first result, nothing done again. A LETTER opens a case on the old agency's side; an INFO
 * passes its EEP package through the transfer receipt (YJ checks; refused naming the check and record) and moves
 * the new agency's case on; a RECEIPT closes the old agency's case and archives its documents; a REFUSAL ends it.
 */
@Component
class Inbox {

    /** What receiving answered: the kind, our case, its state, and whether this envelope was known already. */
    record Answer(String kind, String caseNo, String state, boolean duplicate) {}

    private final ContinuationPeers peers;
    private final MessageLog log;
    private final CaseRows rows;
    private final CaseSteps steps;
    private final Applications applications;
    private final InfoReceipt infoReceipt;
    private final CaseArchive archive;
    private final Organisations organisations;
    private final ContinuationSettings settings;
    private final ReadableTime time;
    private final TransactionTemplate tx;

    Inbox(
            ContinuationPeers peers,
            MessageLog log,
            CaseRows rows,
            CaseSteps steps,
            Applications applications,
            InfoReceipt infoReceipt,
            CaseArchive archive,
            Organisations organisations,
            ContinuationSettings settings,
            ReadableTime time,
            TransactionTemplate tx) {
        this.peers = peers;
        this.log = log;
        this.rows = rows;
        this.steps = steps;
        this.applications = applications;
        this.infoReceipt = infoReceipt;
        this.archive = archive;
        this.organisations = organisations;
        this.settings = settings;
        this.time = time;
        this.tx = tx;
    }

    Answer receive(byte[] bytes, Access access) {
        var earlier = log.received(Envelope.sm3(bytes));
        if (earlier.isPresent()) {
            var e = earlier.get();
            if ("REFUSED".equals(e.state())) {
                throw Envelope.bad("alreadyRefused", String.valueOf(e.refusal()));
            }
            String caseNo = String.valueOf(e.result());
            var c = rows.require(caseNo, org.siarchive.shared.Scope.EVERYTHING);
            return new Answer(e.kind(), caseNo, c.state().name(), true);
        }
        var env = Envelope.open(bytes, settings.maxEnvelopeSize().toBytes());
        var m = env.message();
        if (!settings.region().equals(m.to().region())) {
            throw Envelope.bad("wrongRecipient", String.valueOf(m.to().region()));
        }
        var peer = peers.byRegion(String.valueOf(m.from().region()))
                .orElseThrow(() ->
                        Envelope.bad("unknownSender", String.valueOf(m.from().region())));
        byte[] point = peers.point(peer.id()).orElseThrow(() -> Envelope.bad("unknownSender", peer.regionCode()));
        String problem = env.problem(point);
        if (problem != null) {
            throw Envelope.bad(problem);
        }
        return switch (env.kind()) {
            case LETTER -> letter(env, bytes, peer, access);
            case INFO -> infoReceipt.receive(env, bytes, peer, caseOf(m, peer), access);
            case RECEIPT -> receipt(env, bytes, peer, caseOf(m, peer), access);
            case REFUSAL -> refusal(env, bytes, peer, caseOf(m, peer), access);
        };
    }

    private CaseView caseOf(Envelope.Message m, ContinuationPeers.Peer peer) {
        var found = m.remoteCaseNo() != null
                ? rows.forPeer(m.remoteCaseNo(), peer.id())
                : rows.byRemote(m.caseNo(), peer.id());
        return found.orElseThrow(
                () -> Envelope.bad("unknownCase", m.remoteCaseNo() != null ? m.remoteCaseNo() : m.caseNo()));
    }

    private Answer letter(Envelope env, byte[] bytes, ContinuationPeers.Peer peer, Access access) {
        var m = env.message();
        if (m.certNo() == null
                || CitizenIdNumber.problem(m.certNo(), time.today()).isPresent()
                || m.name() == null
                || m.name().isBlank()
                || m.name().length() > 40
                || m.scheme() == null
                || m.scheme().length() > 8
                || m.caseNo().length() > 32) {
            throw Envelope.bad("envelopeFormat");
        }
        CaseView.Kind kind = parseKind(m.caseKind());
        var org = organisations.byPath(access.scope().orgPath()).orElse(organisations.root());
        return java.util.Objects.requireNonNull(tx.execute(s -> {
            long id = applications.insert(
                    new Applications.NewCase(
                            kind,
                            CaseView.Direction.OUT,
                            m.scheme(),
                            m.certNo(),
                            m.name().strip(),
                            peer.id(),
                            null,
                            m.caseNo(),
                            org.id(),
                            org.path(),
                            CaseView.State.LETTER_RECEIVED,
                            null,
                            null,
                            null,
                            false,
                            null),
                    time.today(),
                    access.actor().name());
            var c = rows.byId(id);
            steps.opened(c, "RECEIVE_LETTER", "YL09", AuditOperation.RECEIVE, time.today(), access.actor());
            log.record(id, "IN", Envelope.Kind.LETTER, bytes, peer.id(), "RECEIVED", null, c.caseNo());
            return new Answer("LETTER", c.caseNo(), c.state().name(), false);
        }));
    }

    private Answer receipt(Envelope env, byte[] bytes, ContinuationPeers.Peer peer, CaseView c, Access access) {
        CaseSteps.expect(c, Set.of(CaseView.State.INFO_SENT));
        archive.archive(c, access.actor());
        return java.util.Objects.requireNonNull(tx.execute(s -> {
            steps.move(
                    c,
                    new CaseSteps.Move("RECEIVE_RECEIPT", CaseView.State.CLOSED, AuditOperation.CLOSE, "YL12"),
                    time.today(),
                    null,
                    access.actor());
            log.record(c.id(), "IN", Envelope.Kind.RECEIPT, bytes, peer.id(), "RECEIVED", null, c.caseNo());
            return new Answer("RECEIPT", c.caseNo(), CaseView.State.CLOSED.name(), false);
        }));
    }

    private Answer refusal(Envelope env, byte[] bytes, ContinuationPeers.Peer peer, CaseView c, Access access) {
        if (!c.state().open()) {
            throw new org.siarchive.shared.ConflictException("continuation.conflict.state", c.caseNo());
        }
        String reason = reason(env.message().reason());
        return java.util.Objects.requireNonNull(tx.execute(s -> {
            steps.move(
                    c,
                    new CaseSteps.Move("RECEIVE_REFUSAL", CaseView.State.REFUSED, AuditOperation.REFUSE, null),
                    time.today(),
                    reason,
                    access.actor());
            steps.refusalReason(c, reason);
            log.record(c.id(), "IN", Envelope.Kind.REFUSAL, bytes, peer.id(), "RECEIVED", null, c.caseNo());
            return new Answer("REFUSAL", c.caseNo(), CaseView.State.REFUSED.name(), false);
        }));
    }

    private static String reason(@Nullable String r) {
        String t = r == null || r.isBlank() ? "-" : r.strip();
        return t.length() > 500 ? t.substring(0, 500) : t;
    }

    private static CaseView.Kind parseKind(@Nullable String k) {
        for (var kind : CaseView.Kind.values()) {
            if (kind.name().equals(k)) {
                return kind;
            }
        }
        throw new InvalidInputException(List.of(new org.siarchive.shared.Violation(
                "envelope", "envelopeFormat", "continuation.rule.envelopeFormat", List.of())));
    }
}
