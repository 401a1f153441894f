package org.siarchive.federation;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.siarchive.audit.AuditDetail;
import org.siarchive.audit.AuditOperation;
import org.siarchive.audit.AuditTrail;
import org.siarchive.audit.AuditedObject;
import org.siarchive.catalog.Catalog;
import org.siarchive.catalog.ItemRecord;
import org.siarchive.crypto.FieldCipher;
import org.siarchive.shared.Actor;
import org.siarchive.transfer.TransferSigning;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The county's side of the feed: the next batch of catalogue entries changed since the last acknowledged one,
 * signed with the transfer key and kept in {@code federation_push} before it is posted, so that after a crash or a
 * refused post the same batch goes again under the same sequence until the province acknowledges it; the
 * acknowledgement moves the watermark and is audited in the same transaction.
 */
@Component
class CountyPush {

    /** A pass starts this much before the database's now: a capture committed late is sent again, not missed. */
    static final Duration MARGIN = Duration.ofMinutes(2);

    /** The context of the search read model's ID-number token: the same token the county's index keeps. */
    static final String CERT_CONTEXT = "search.cert_no";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Catalog catalog;
    private final FieldCipher cipher;
    private final TransferSigning signing;
    private final FederationSettings settings;
    private final ProvinceClient client;
    private final AuditTrail audit;

    CountyPush(
            JdbcClient jdbc,
            TransactionTemplate tx,
            Catalog catalog,
            FieldCipher cipher,
            TransferSigning signing,
            FederationSettings settings,
            ProvinceClient client,
            AuditTrail audit) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.catalog = catalog;
        this.cipher = cipher;
        this.signing = signing;
        this.settings = settings;
        this.client = client;
        this.audit = audit;
    }

    /**
     * What one push did: the sequence sent (0: nothing to send), whether the province acknowledged it, and whether
     * the pass over the catalogue has more batches (false once a batch was not full).
     */
    record Outcome(long sequence, int entries, boolean acknowledged, boolean more) {}

    private record State(
            long acked,
            OffsetDateTime since,
            @Nullable UUID after,
            @Nullable OffsetDateTime pass,
            @Nullable Long pendingSeq,
            byte @Nullable [] pendingBody,
            boolean pendingMore) {}

    /** Sends the pending batch, or builds the next one; acknowledges it when the province accepts it. */
    Outcome pushOnce() {
        State s = state();
        byte[] body;
        long seq;
        boolean more;
        if (s.pendingSeq() != null && s.pendingBody() != null) {
            seq = s.pendingSeq();
            body = s.pendingBody();
            more = s.pendingMore();
        } else {
            var built = build(s);
            if (built.isEmpty()) {
                return new Outcome(0, 0, false, false);
            }
            seq = s.acked() + 1;
            body = built.get().body();
            more = built.get().more();
        }
        var answer = client.post(body);
        if (answer == null || answer.sequence() != seq) {
            return new Outcome(seq, 0, false, more);
        }
        acknowledge(seq, answer);
        return new Outcome(seq, answer.entries(), true, more);
    }

    private record Built(byte[] body, boolean more) {}

    private Optional<Built> build(State s) {
        OffsetDateTime pass =
                s.after() != null && s.pass() != null ? s.pass() : catalog.now().minus(MARGIN);
        List<UUID> ids = catalog.itemIdsUpdatedSince(s.since(), s.after(), settings.batchSize());
        if (ids.isEmpty()) {
            return Optional.empty();
        }
        var entries = catalog.items(ids).stream().map(this::entry).toList();
        long seq = s.acked() + 1;
        byte[] batch = JSON.writeValueAsBytes(new FeedBatch(String.valueOf(settings.unitCode()), seq, entries));
        var sig = signing.sign(batch);
        byte[] signed = JSON.writeValueAsBytes(new FeedBatch.Signed(
                java.util.Base64.getEncoder().encodeToString(batch),
                sig.algorithm(),
                sig.keyId(),
                sig.publicKey(),
                sig.value()));
        boolean full = ids.size() == settings.batchSize();
        OffsetDateTime nextSince = full ? s.since() : pass;
        UUID nextAfter = full ? ids.get(ids.size() - 1) : null;
        jdbc.sql(
                        """
                update federation_push set pending_seq = :seq, pending_body = :body, pending_since = :since,
                       pending_after = :after, pending_pass = :pass where id = 1
                """)
                .param("seq", seq)
                .param("body", signed)
                .param("since", nextSince)
                .param("after", nextAfter)
                .param("pass", full ? pass : null)
                .update();
        return Optional.of(new Built(signed, full));
    }

    private FeedBatch.Entry entry(ItemRecord i) {
        boolean deleted = "DESTROYED".equals(i.status());
        String token = deleted || i.certNo() == null ? null : token(cipher.blindIndex(i.certNo(), CERT_CONTEXT));
        return new FeedBatch.Entry(
                i.archiveCode(),
                i.title(),
                i.fondsCode(),
                i.year(),
                i.retentionCode(),
                i.categoryCode(),
                token,
                deleted);
    }

    /** The search read model's form of an ID number's blind index (docs/adr/0130). */
    static @Nullable String token(byte @Nullable [] index) {
        return index == null ? null : "idx" + HexFormat.of().formatHex(index, 0, 12);
    }

    private void acknowledge(long seq, FeedBatch.Answer answer) {
        tx.executeWithoutResult(t -> {
            jdbc.sql(
                            """
                    update federation_push set acked_sequence = :seq, since = pending_since, after_item = pending_after,
                           pass_started = pending_pass, pending_seq = null, pending_body = null, pending_since = null,
                           pending_after = null, pending_pass = null, acked_at = now()
                    where id = 1 and pending_seq = :seq
                    """)
                    .param("seq", seq)
                    .update();
            audit.record(
                    Actor.SYSTEM,
                    AuditedObject.TRANSFER_PACKAGE,
                    "feed:" + answer.county() + ":" + seq,
                    AuditOperation.FEED_PUSH,
                    null,
                    AuditDetail.of("audit.detail.feedAcknowledged", seq, answer.entries())
                            .encoded());
        });
    }

    private State state() {
        return jdbc.sql(
                        """
                select acked_sequence, since, after_item, pass_started, pending_seq, pending_body,
                       pending_after is not null
                from federation_push where id = 1
                """)
                .query((rs, n) -> new State(
                        rs.getLong(1),
                        rs.getObject(2, OffsetDateTime.class),
                        rs.getObject(3, UUID.class),
                        rs.getObject(4, OffsetDateTime.class),
                        (Long) rs.getObject(5),
                        rs.getBytes(6),
                        rs.getBoolean(7)))
                .single();
    }
}
