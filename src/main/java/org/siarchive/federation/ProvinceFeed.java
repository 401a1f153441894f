package org.siarchive.federation;

import java.util.Base64;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.siarchive.audit.AuditDetail;
import org.siarchive.audit.AuditOperation;
import org.siarchive.audit.AuditTrail;
import org.siarchive.audit.AuditedObject;
import org.siarchive.organisation.OrgUnit;
import org.siarchive.organisation.Organisations;
import org.siarchive.shared.Actor;
import org.siarchive.shared.Bounds;
import org.siarchive.shared.ConflictException;
import org.siarchive.shared.ForbiddenException;
import org.siarchive.shared.InvalidInputException;
import org.siarchive.shared.Scope;
import org.siarchive.shared.Violation;
import org.siarchive.transfer.TransferSigning;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The province's side of the feed: a batch is taken only when its SM2 signature is by a trusted transfer signer and
 * its sequence is the county's next (the same sequence again answers as the first time; a gap is a 409 naming the
 * sequence expected); its entries are upserted by county and 档号 (tombstones kept as such) under the county's
 * organisation unit, and the receipt is audited in the same transaction.
 */
@Component
class ProvinceFeed {

    /** The largest signed batch read (a full batch of {@link FederationSettings#MAX_BATCH} is about 2 MB). */
    static final int MAX_BODY = 8 * 1024 * 1024;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final TransferSigning signing;
    private final Organisations organisations;
    private final AuditTrail audit;

    ProvinceFeed(
            JdbcClient jdbc,
            TransactionTemplate tx,
            TransferSigning signing,
            Organisations organisations,
            AuditTrail audit) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.signing = signing;
        this.organisations = organisations;
        this.audit = audit;
    }

    /**
     * Verifies and takes a signed batch; the answer for the county. The county must lie within the data scope of the
     * token that posts it, so that one county's token cannot write another county's catalogue.
     */
    FeedBatch.Answer receive(byte[] body, Actor actor, Scope scope) {
        if (body.length > MAX_BODY) {
            throw invalid("batch", "federationBatchTooLarge", MAX_BODY);
        }
        FeedBatch.Signed signed;
        byte[] batchBytes;
        try {
            signed = JSON.readValue(body, FeedBatch.Signed.class);
            if (signed == null || signed.batch() == null) {
                throw invalid("batch", "federationBatchUnreadable");
            }
            batchBytes = Base64.getDecoder().decode(String.valueOf(signed.batch()));
        } catch (JacksonException | IllegalArgumentException e) {
            throw invalid("batch", "federationBatchUnreadable");
        }
        String problem = TransferSigning.ALGORITHM.equals(signed.algorithm())
                ? signing.problem(batchBytes, signed.publicKey(), signed.signature())
                : "algorithm";
        if (problem != null) {
            audit.recordAlone(
                    actor,
                    AuditedObject.TRANSFER_PACKAGE,
                    "feed",
                    AuditOperation.TRANSFER_RECEIVE,
                    "FAILURE",
                    null,
                    AuditDetail.of("audit.detail.feedRefused", problem).encoded());
            throw invalid("signature", "federationSignature", problem);
        }
        FeedBatch batch;
        try {
            batch = JSON.readValue(batchBytes, FeedBatch.class);
        } catch (JacksonException e) {
            throw invalid("batch", "federationBatchUnreadable");
        }
        if (batch == null || batch.county() == null || batch.sequence() < 1) {
            throw invalid("batch", "federationBatchUnreadable");
        }
        if (batch.entries() == null || batch.entries().size() > FederationSettings.MAX_BATCH) {
            throw invalid("entries", "federationBatchTooLarge", FederationSettings.MAX_BATCH);
        }
        checkEntries(batch.entries());
        OrgUnit unit = organisations
                .byCode(String.valueOf(batch.county()))
                .orElseThrow(() -> invalid("county", "federationUnknownCounty", batch.county()));
        if (!unit.path().startsWith(scope.orgPath())) {
            throw new ForbiddenException("forbidden.federationCounty", batch.county());
        }
        return tx.execute(t -> take(batch, unit, actor));
    }

    private FeedBatch.Answer take(FeedBatch batch, OrgUnit unit, Actor actor) {
        jdbc.sql(
                        """
                insert into federation_county (county_code, org_path, last_sequence, last_answer)
                values (:c, :p, 0, '') on conflict (county_code) do nothing
                """)
                .param("c", batch.county())
                .param("p", unit.path())
                .update();
        var last = jdbc.sql(
                        "select last_sequence, last_answer from federation_county where county_code = :c for update")
                .param("c", batch.county())
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2)})
                .single();
        long lastSeq = (Long) last[0];
        if (batch.sequence() == lastSeq && lastSeq > 0) {
            return JSON.readValue((String) last[1], FeedBatch.Answer.class);
        }
        if (batch.sequence() != lastSeq + 1) {
            throw new ConflictException("conflict.federationSequence", batch.county(), lastSeq + 1, batch.sequence());
        }
        upsert(batch.county(), unit.path(), batch.sequence(), batch.entries());
        var answer = new FeedBatch.Answer(
                batch.county(), batch.sequence(), batch.entries().size());
        jdbc.sql(
                        """
                update federation_county set last_sequence = :s, last_answer = :a, org_path = :p, received_at = now()
                where county_code = :c
                """)
                .param("s", batch.sequence())
                .param("a", JSON.writeValueAsString(answer))
                .param("p", unit.path())
                .param("c", batch.county())
                .update();
        audit.record(
                actor,
                AuditedObject.TRANSFER_PACKAGE,
                "feed:" + batch.county() + ":" + batch.sequence(),
                AuditOperation.TRANSFER_RECEIVE,
                null,
                AuditDetail.of("audit.detail.feedReceived", batch.county(), batch.sequence(), answer.entries())
                        .encoded());
        return answer;
    }

    private void upsert(String county, String path, long seq, List<FeedBatch.Entry> entries) {
        for (var e : entries) {
            jdbc.sql(
                            """
                    insert into federation_entry (county_code, archive_code, org_path, title, fonds_code, year,
                           retention, category, person_token, deleted, sequence)
                    values (:c, :code, :p, :title, :fonds, :year, :ret, :cat, :tok, :del, :seq)
                    on conflict (county_code, archive_code) do update set org_path = excluded.org_path,
                           title = excluded.title, fonds_code = excluded.fonds_code, year = excluded.year,
                           retention = excluded.retention, category = excluded.category,
                           person_token = excluded.person_token, deleted = excluded.deleted,
                           sequence = excluded.sequence, received_at = now()
                    """)
                    .param("c", county)
                    .param("code", e.archiveCode())
                    .param("p", path)
                    .param("title", e.title())
                    .param("fonds", e.fonds())
                    .param("year", e.year())
                    .param("ret", e.retention())
                    .param("cat", e.category())
                    .param("tok", e.personToken())
                    .param("del", e.deleted())
                    .param("seq", seq)
                    .update();
        }
    }

    /**
     * A signed batch comes from a trusted county, but the county's software may still be wrong: every entry is
     * checked against the columns it lands in (the shared text bounds, {@link Bounds#text}), so a bad entry is a 422
     * naming it, never a failed insert.
     */
    private static void checkEntries(List<FeedBatch.Entry> entries) {
        for (int i = 0; i < entries.size(); i++) {
            var e = entries.get(i);
            String at = "entries[" + i + "]";
            if (e == null) {
                throw new InvalidInputException(Violation.of(at, "required"));
            }
            field(at + ".archiveCode", e.archiveCode(), 120, true);
            field(at + ".title", e.title(), 500, true);
            field(at + ".fonds", e.fonds(), 40, true);
            field(at + ".retention", e.retention(), 20, true);
            field(at + ".category", e.category(), 4, true);
            field(at + ".personToken", e.personToken(), 40, false);
            if (e.year() < 1900 || e.year() > 2200) {
                throw invalid(at + ".year", "federationEntryYear", i + 1, e.year());
            }
        }
    }

    private static void field(String name, @Nullable String value, int max, boolean required) {
        if (required && (value == null || value.isBlank())) {
            throw new InvalidInputException(Violation.of(name, "required"));
        }
        Bounds.requireText(name, value, max);
    }

    private static InvalidInputException invalid(String field, String rule, Object... args) {
        return new InvalidInputException(Violation.of(field, rule, args));
    }
}
