package org.siarchive.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.siarchive.crypto.SigningKey;

/**
 * One verification run over the chain, fed its entries in sequence order: recomputes every link from the
 * first entry, notes gaps, rows past the head and unsealed rows, then compares the end with the recorded
 * head and each checkpoint's SM2 signature and hash with the entry it names. Keeps up to 100 findings.
 */
final class ChainVerification {

    private static final int MAX_FINDINGS = 100;

    private final ChainRows.Head head;
    private final List<ChainRows.Checkpoint> checkpoints;
    private final List<AuditChain.Finding> findings = new ArrayList<>();
    /** The hash each checkpointed entry has now (empty until the walk reaches it). */
    private final Map<Long, byte[]> hashesAtCheckpoints = new HashMap<>();

    private long expected = 1;
    private byte[] previous = Canonical.GENESIS;
    private long entries;
    private @Nullable Long lastCheckpoint;

    ChainVerification(ChainRows.Head head, List<ChainRows.Checkpoint> checkpoints) {
        this.head = head;
        this.checkpoints = checkpoints;
        checkpoints.forEach(c -> hashesAtCheckpoints.put(c.seq(), new byte[0]));
    }

    /** The next numbered entry of the walk; returns its sequence number. */
    long entry(ChainRows.Row r) {
        entries++;
        long seq = Objects.requireNonNull(r.seq());
        if (r.hash() == null) {
            add(
                    "UNSEALED",
                    seq,
                    r.id(),
                    "entry " + seq + " (id " + r.id() + ") has no hash: it was written outside the application");
            return seq;
        }
        if (seq > head.seq()) {
            add(
                    "BEYOND_HEAD",
                    seq,
                    r.id(),
                    "entry " + seq + " lies beyond the chain head " + head.seq()
                            + ": inserted outside the application");
            return seq;
        }
        checkGap(seq);
        checkLink(r, seq);
        if (hashesAtCheckpoints.containsKey(seq)) {
            hashesAtCheckpoints.put(seq, r.hash());
        }
        previous = r.hash();
        expected = seq + 1;
        return seq;
    }

    private void checkGap(long seq) {
        if (seq > expected) {
            add(
                    "MISSING",
                    expected,
                    null,
                    seq - expected == 1
                            ? "entry " + expected + " is missing (deleted)"
                            : "entries " + expected + "–" + (seq - 1) + " are missing (deleted)");
        }
    }

    private void checkLink(ChainRows.Row r, long seq) {
        if (r.prev() == null || !Arrays.equals(r.prev(), previous)) {
            add("BROKEN_LINK", seq, r.id(), "entry " + seq + " does not link to the entry before it");
        }
        byte[] recomputed = Canonical.chain(r.prev() == null ? previous : r.prev(), r.canonical());
        if (!Arrays.equals(recomputed, r.hash())) {
            add("ALTERED", seq, r.id(), "entry " + seq + " was altered: its content no longer matches its hash");
        }
    }

    /** An entry without a sequence number: it has no place in the chain. */
    void unplaced(ChainRows.Row r) {
        entries++;
        add(
                "UNSEALED",
                0,
                r.id(),
                "entry id " + r.id() + " has no place in the chain: it was written outside the application");
    }

    /** After the walk: entries missing at the end, or a last entry other than the recorded head. */
    void checkEnd() {
        long headSeq = head.seq();
        if (expected - 1 < headSeq) {
            add(
                    "MISSING",
                    expected,
                    null,
                    "entries " + expected + "–" + headSeq + " are missing at the end of the chain (deleted)");
        } else if (expected - 1 == headSeq && headSeq > 0 && !Arrays.equals(previous, head.hash())) {
            add("HEAD_MISMATCH", headSeq, null, "the last entry does not match the recorded chain head");
        }
    }

    /** Each checkpoint signed by the key, and its entry still holding the hash it signed. */
    void checkCheckpoints(SigningKey key) {
        for (var c : checkpoints) {
            boolean signed = c.keyId().equals(key.keyId())
                    && key.verify(AuditChain.checkpointMessage(c.seq(), c.hash(), c.signedAt()), c.signature());
            if (!signed) {
                add(
                        "CHECKPOINT_SIGNATURE",
                        c.seq(),
                        null,
                        "checkpoint at entry " + c.seq() + " has no valid SM2 signature by key " + key.keyId());
                continue;
            }
            byte[] actual = hashesAtCheckpoints.get(c.seq());
            if (actual == null || actual.length == 0 || !Arrays.equals(actual, c.hash())) {
                add(
                        "CHECKPOINT_MISMATCH",
                        c.seq(),
                        null,
                        "entry " + c.seq() + " differs from the signed checkpoint of " + c.signedAt()
                                + ": the chain was rewritten");
            }
            lastCheckpoint = c.seq();
        }
    }

    AuditChain.Report report(String keyId) {
        findings.sort(Comparator.comparingLong(AuditChain.Finding::seq));
        return new AuditChain.Report(
                findings.isEmpty(),
                entries,
                head.seq(),
                checkpoints.size(),
                lastCheckpoint,
                keyId,
                List.copyOf(findings),
                Instant.now());
    }

    private void add(String kind, long seq, @Nullable Long id, String detail) {
        if (findings.size() < MAX_FINDINGS) {
            findings.add(new AuditChain.Finding(kind, seq, id, detail));
        }
    }
}
