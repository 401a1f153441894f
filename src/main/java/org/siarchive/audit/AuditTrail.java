package org.siarchive.audit;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.siarchive.crypto.Masks;
import org.siarchive.shared.Actor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Writes and reads audit entries. Writing requires an open transaction, the caller's own: entries
 * are collected during the transaction and chained just before it commits, under a lock on the chain
 * head, so the chain follows commit order and the lock is held only for the inserts and the commit.
 */
@Component
public class AuditTrail {

    public static final String SUCCESS = "SUCCESS";
    public static final String FAILURE = "FAILURE";
    public static final String DENIED = "DENIED";

    /** 18-character citizen ID numbers never reach the trail in clear: they are masked on the way in. */
    private static final Pattern ID_NUMBER = Pattern.compile(
            "(?<![0-9A-Za-z])[1-9]\\d{5}(?:18|19|20)\\d{2}(?:0[1-9]|1[0-2])\\d{2}\\d{3}[0-9Xx](?![0-9A-Za-z])");

    private final JdbcClient jdbc;
    private final ChainWriter chain;
    private final AccessEntries access;

    /** Takes the chain so that its head exists (and older entries are sealed) before the first write. */
    AuditTrail(JdbcClient jdbc, AuditChain sealed, ChainWriter chain, AccessEntries access) {
        this.jdbc = jdbc;
        this.chain = chain;
        this.access = access;
    }

    /** One recorded action. */
    public record Entry(
            long id,
            @Nullable Long seq,
            OffsetDateTime at,
            String actor,
            @Nullable String org,
            @Nullable String ip,
            @Nullable String client,
            String objectType,
            String objectId,
            String operation,
            String result,
            @Nullable String reason,
            @Nullable String detail) {

        /** Whether this entry records the given operation. */
        public boolean is(AuditOperation op) {
            return operation.equals(op.name());
        }

        /** The operation as a type; empty for an entry whose operation no longer exists in the code. */
        public java.util.Optional<AuditOperation> typedOperation() {
            return java.util.Arrays.stream(AuditOperation.values())
                    .filter(this::is)
                    .findFirst();
        }
    }

    /**
     * Records an entry. A detail the platform writes (not what a person typed) is keyed, {@code
     * AuditDetail.of(key, args).encoded()}, so that people read it in their language (docs/adr/0050).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(
            Actor actor,
            AuditedObject objectType,
            String objectId,
            AuditOperation operation,
            @Nullable String reason,
            @Nullable String detail) {
        record(actor, objectType, objectId, operation, SUCCESS, reason, detail);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void record(
            Actor actor,
            AuditedObject objectType,
            String objectId,
            AuditOperation operation,
            String result,
            @Nullable String reason,
            @Nullable String detail) {
        pending().add(entry(actor, objectType.name(), objectId, operation.name(), result, reason, detail));
    }

    /** Records in a transaction of its own: for refusals, whose own transaction (if any) rolls back. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void recordAlone(
            Actor actor,
            AuditedObject objectType,
            String objectId,
            AuditOperation operation,
            String result,
            @Nullable String reason,
            @Nullable String detail) {
        record(actor, objectType, objectId, operation, result, reason, detail);
    }

    /**
     * Records a read: an action that changes nothing. Inside a transaction the entry joins it like any other; outside
     * one it is committed together with the entries of concurrent reads (group commit, docs/adr/0117) and this returns
     * only once it is durable, so the read may be answered. Throws {@link org.siarchive.shared.UnavailableException}
     * if the entry could not be committed: the read must then not be answered.
     */
    public void recordRead(
            Actor actor, AuditedObject objectType, String objectId, AuditOperation operation, @Nullable String detail) {
        if (TransactionSynchronizationManager.isSynchronizationActive()
                && TransactionSynchronizationManager.isActualTransactionActive()) {
            record(actor, objectType, objectId, operation, SUCCESS, null, detail);
            return;
        }
        access.commit(entry(actor, objectType.name(), objectId, operation.name(), SUCCESS, null, detail));
    }

    private static PendingEntry entry(
            Actor actor,
            String objectType,
            String objectId,
            String operation,
            String result,
            @Nullable String reason,
            @Nullable String detail) {
        return new PendingEntry(
                Instant.now().truncatedTo(ChronoUnit.MICROS),
                actor,
                objectType,
                mask(truncate(objectId, 200)),
                operation,
                result,
                mask(truncate(reason, 500)),
                mask(detail));
    }

    @SuppressWarnings("unchecked")
    private List<PendingEntry> pending() {
        var list = (List<PendingEntry>) TransactionSynchronizationManager.getResource(this);
        if (list == null) {
            var fresh = new ArrayList<PendingEntry>();
            TransactionSynchronizationManager.bindResource(this, fresh);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public int getOrder() {
                    return Integer.MAX_VALUE; // after every other before-commit work that might add entries
                }

                @Override
                public void beforeCommit(boolean readOnly) {
                    writeChain(fresh);
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(AuditTrail.this);
                }
            });
            return fresh;
        }
        return list;
    }

    private void writeChain(List<PendingEntry> entries) {
        chain.append(entries);
        entries.clear();
    }

    static final String SELECT =
            """
            select id, seq, at, actor, org, ip, client, object_type, object_id, operation, result, reason, detail
            from audit_entry
            """;

    public List<Entry> forObject(AuditedObject objectType, String objectId) {
        return jdbc.sql(SELECT + " where object_type = :type and object_id = :id order by seq")
                .param("type", objectType.name())
                .param("id", objectId)
                .query(Entry.class)
                .list();
    }

    /** Every successful entry of one operation on one kind of object, oldest first (e.g. the backups taken). */
    public List<Entry> ofOperation(AuditedObject objectType, AuditOperation operation) {
        return jdbc.sql(SELECT + " where object_type = :type and operation = :op and result = 'SUCCESS' order by at")
                .param("type", objectType.name())
                .param("op", operation.name())
                .query(Entry.class)
                .list();
    }

    /** The most recent entries, newest first. */
    public List<Entry> latest(int limit) {
        return jdbc.sql(SELECT + " order by seq desc nulls first limit :limit")
                .param("limit", limit)
                .query(Entry.class)
                .list();
    }

    static @Nullable String mask(@Nullable String s) {
        if (s == null) {
            return null;
        }
        return ID_NUMBER.matcher(s).replaceAll(m -> Masks.idNumber(m.group()));
    }

    private static @Nullable String truncate(@Nullable String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
