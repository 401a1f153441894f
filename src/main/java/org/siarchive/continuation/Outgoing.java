package org.siarchive.continuation;

import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.siarchive.shared.Actor;
import org.siarchive.shared.ReadableTime;
import org.siarchive.transfer.TransferPackages;
import org.springframework.stereotype.Component;

/**
 * Writes and sends a case's message: the envelope signed under the platform key, delivered to the peer's API when
 * it has an endpoint and a token (else kept for download, to exchange as a file), and logged with the case. A
 * peer that refuses makes the caller's transaction fail, so the step is not recorded.
 */
@Component
class Outgoing {

    private final ContinuationPeers peers;
    private final PeerDelivery delivery;
    private final MessageLog log;
    private final CaseRows rows;
    private final ContinuationSettings settings;
    private final TransferPackages transfer;
    private final ReadableTime time;

    Outgoing(
            ContinuationPeers peers,
            PeerDelivery delivery,
            MessageLog log,
            CaseRows rows,
            ContinuationSettings settings,
            TransferPackages transfer,
            ReadableTime time) {
        this.peers = peers;
        this.delivery = delivery;
        this.log = log;
        this.rows = rows;
        this.settings = settings;
        this.transfer = transfer;
        this.time = time;
    }

    /** The message of {@code kind} about the case, person data included for a LETTER. */
    Envelope.Message message(
            CaseView c,
            Envelope.Kind kind,
            Envelope.@Nullable Info info,
            @Nullable String packageSm3,
            @Nullable String reason) {
        var p = rows.person(c.id());
        var peer = c.peerId() == null ? null : peers.require(c.peerId());
        var us = new Envelope.Agency(settings.region(), settings.agencyName());
        var them = peer == null
                ? new Envelope.Agency("", String.valueOf(c.peerAgency()))
                : new Envelope.Agency(peer.regionCode(), peer.agencyName());
        boolean letter = kind == Envelope.Kind.LETTER || kind == Envelope.Kind.INFO;
        return new Envelope.Message(
                kind.name(),
                UUID.randomUUID().toString(),
                time.now().toOffsetDateTime().toString(),
                us,
                them,
                c.caseNo(),
                c.remoteCaseNo(),
                letter ? p.certNo() : null,
                letter ? p.name() : null,
                c.scheme(),
                c.kind().name(),
                info,
                packageSm3,
                reason);
    }

    /** Seals, delivers (when online) and logs; true when the peer received it over the API. */
    boolean send(CaseView c, Envelope.Message m, byte @Nullable [] packageZip, Actor actor) {
        byte[] envelope = Envelope.seal(m, transfer.platformKey(), packageZip);
        var peer = c.peerId() == null ? null : peers.require(c.peerId());
        boolean online = peer != null && delivery.online(peer);
        String answer = null;
        if (online) {
            answer = delivery.deliver(peer, envelope, fileName(c, m));
        }
        log.record(
                c.id(),
                "OUT",
                Envelope.Kind.valueOf(m.kind()),
                envelope,
                c.peerId(),
                online ? "SENT" : "PENDING",
                null,
                answer == null ? null : answer.length() > 500 ? answer.substring(0, 500) : answer);
        return online;
    }

    static String fileName(CaseView c, Envelope.Message m) {
        return c.caseNo() + "-" + m.kind().toLowerCase(java.util.Locale.ROOT) + ".zip";
    }

    LocalDate today() {
        return time.today();
    }
}
