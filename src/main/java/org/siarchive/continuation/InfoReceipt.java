package org.siarchive.continuation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Set;
import org.siarchive.audit.AuditOperation;
import org.siarchive.shared.Access;
import org.siarchive.shared.InvalidInputException;
import org.siarchive.shared.ReadableTime;
import org.siarchive.transfer.TransferPackages;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The new agency receives the 信息表 with the person's archive: the EEP package goes through the transfer receipt
 * (YJ four-property checks, the peer's key trusted), its records captured into this installation's fonds — under
 * the person's ID number, so into their file (一人一档) — records already held skipped with the case as reason. A
 * package failing YJ is refused naming the check and record, the refusal logged, the case unchanged.
 */
@Component
class InfoReceipt {

    private final TransferPackages transfer;
    private final MessageLog log;
    private final CaseSteps steps;
    private final JdbcClient jdbc;
    private final ContinuationSettings settings;
    private final ReadableTime time;
    private final TransactionTemplate tx;

    InfoReceipt(
            TransferPackages transfer,
            MessageLog log,
            CaseSteps steps,
            JdbcClient jdbc,
            ContinuationSettings settings,
            ReadableTime time,
            TransactionTemplate tx) {
        this.transfer = transfer;
        this.log = log;
        this.steps = steps;
        this.jdbc = jdbc;
        this.settings = settings;
        this.time = time;
        this.tx = tx;
    }

    Inbox.Answer receive(Envelope env, byte[] bytes, ContinuationPeers.Peer peer, CaseView c, Access access) {
        CaseSteps.expect(c, Set.of(CaseView.State.LETTER_SENT));
        var m = env.message();
        TransferPackages.Receipt receipt;
        try {
            receipt = receivePackage(env, peer, c, access);
        } catch (InvalidInputException e) {
            String why = String.join(
                    "；",
                    e.violations().stream().map(v -> String.join(" ", v.args())).toList());
            tx.executeWithoutResult(
                    s -> log.record(c.id(), "IN", Envelope.Kind.INFO, bytes, peer.id(), "REFUSED", why, c.caseNo()));
            throw e;
        }
        var info = m.info() == null ? new Envelope.Info(null, null, null, null, null) : m.info();
        String note = "EEP " + receipt.received().size() + " / " + receipt.items() + " #" + receipt.id();
        return java.util.Objects.requireNonNull(tx.execute(s -> {
            jdbc.sql("update continuation_case set info = cast(:info as jsonb), individual_account = :ia, "
                            + "pooled_fund = :pf, remote_case_no = :remote where id = :id")
                    .param("info", Envelope.json(info))
                    .param("ia", info.individualAccount())
                    .param("pf", info.pooledFund())
                    .param("remote", m.caseNo())
                    .param("id", c.id())
                    .update();
            steps.move(
                    c,
                    new CaseSteps.Move("RECEIVE_INFO", CaseView.State.INFO_RECEIVED, AuditOperation.RECEIVE, "YL10"),
                    time.today(),
                    note,
                    access.actor());
            log.record(c.id(), "IN", Envelope.Kind.INFO, bytes, peer.id(), "RECEIVED", null, c.caseNo());
            return new Inbox.Answer("INFO", c.caseNo(), CaseView.State.INFO_RECEIVED.name(), false);
        }));
    }

    private TransferPackages.Receipt receivePackage(
            Envelope env, ContinuationPeers.Peer peer, CaseView c, Access access) {
        try {
            var file = Files.createTempFile("continuation-", ".zip");
            try {
                Files.write(file, java.util.Objects.requireNonNull(env.packageZip()));
                var handover = new TransferPackages.Handover(
                        settings.fonds(),
                        peer.agencyName(),
                        settings.agencyName(),
                        TransferPackages.OnDuplicates.SKIP,
                        "转移接续 " + c.caseNo());
                return transfer.receive(file, c.caseNo() + "-info.zip", handover, access);
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
