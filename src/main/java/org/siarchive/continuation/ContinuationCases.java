package org.siarchive.continuation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.siarchive.audit.AuditOperation;
import org.siarchive.catalog.Catalog;
import org.siarchive.shared.Access;
import org.siarchive.shared.ConflictException;
import org.siarchive.shared.InvalidInputException;
import org.siarchive.shared.Violation;
import org.siarchive.transfer.TransferPackages;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The steps a person at either agency takes on a case: the new agency sends the 联系函, completes (接续完成: the
 * documents archived, the 回执 sent) or refuses; the old agency answers with the 信息表 and 基金划转表 figures and
 * the person's archive as an EEP package. Every step within the caller's scope (else 404), in one transaction with
 * its step row and audit entry, the message delivered before it commits.
 */
@Component
public class ContinuationCases {

    static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000000000");
    static final int MAX_ITEMS = 2_000;

    private final CaseRows rows;
    private final CaseSteps steps;
    private final Outgoing outgoing;
    private final CaseArchive archive;
    private final Catalog catalog;
    private final TransferPackages transfer;
    private final ContinuationSettings settings;
    private final TransactionTemplate tx;
    private final org.springframework.jdbc.core.simple.JdbcClient jdbc;

    ContinuationCases(
            CaseRows rows,
            CaseSteps steps,
            Outgoing outgoing,
            CaseArchive archive,
            Catalog catalog,
            TransferPackages transfer,
            ContinuationSettings settings,
            TransactionTemplate tx,
            org.springframework.jdbc.core.simple.JdbcClient jdbc) {
        this.rows = rows;
        this.steps = steps;
        this.outgoing = outgoing;
        this.archive = archive;
        this.catalog = catalog;
        this.transfer = transfer;
        this.settings = settings;
        this.tx = tx;
        this.jdbc = jdbc;
    }

    /** New agency: sends the 联系函 to the old one (or keeps it for download). */
    public CaseView sendLetter(String caseNo, Access access) {
        var c = rows.require(caseNo, access.scope());
        CaseSteps.expect(c, Set.of(CaseView.State.APPLIED));
        tx.executeWithoutResult(s -> {
            outgoing.send(c, outgoing.message(c, Envelope.Kind.LETTER, null, null, null), null, access.actor());
            steps.move(
                    c,
                    move("SEND_LETTER", CaseView.State.LETTER_SENT, AuditOperation.SEND, "YL09"),
                    outgoing.today(),
                    null,
                    access.actor());
        });
        return rows.byId(c.id());
    }

    /** Old agency: answers with the 信息表 figures and the person's archive as a signed EEP package. */
    public CaseView sendInfo(String caseNo, Envelope.Info info, Access access) {
        var c = rows.require(caseNo, access.scope());
        CaseSteps.expect(c, Set.of(CaseView.State.LETTER_RECEIVED));
        validate(info);
        byte[] pkg = personPackage(c, access);
        String sm3 = Envelope.sm3(pkg);
        tx.executeWithoutResult(s -> {
            jdbc.sql("update continuation_case set info = cast(:info as jsonb), individual_account = :ia, "
                            + "pooled_fund = :pf where id = :id")
                    .param("info", Envelope.json(info))
                    .param("ia", info.individualAccount())
                    .param("pf", info.pooledFund())
                    .param("id", c.id())
                    .update();
            outgoing.send(c, outgoing.message(c, Envelope.Kind.INFO, info, sm3, null), pkg, access.actor());
            steps.move(
                    c,
                    move("SEND_INFO", CaseView.State.INFO_SENT, AuditOperation.SEND, "YL10"),
                    outgoing.today(),
                    null,
                    access.actor());
        });
        return rows.byId(c.id());
    }

    /** New agency: the relationship continued — documents archived, the 回执 sent, the case completed. */
    public CaseView complete(String caseNo, Access access) {
        var c = rows.require(caseNo, access.scope());
        CaseSteps.expect(c, Set.of(CaseView.State.INFO_RECEIVED));
        UUID item = archive.archive(c, access.actor());
        tx.executeWithoutResult(s -> {
            outgoing.send(c, outgoing.message(c, Envelope.Kind.RECEIPT, null, null, null), null, access.actor());
            steps.move(
                    c,
                    move("COMPLETE", CaseView.State.COMPLETED, AuditOperation.FINISH, "YL15"),
                    outgoing.today(),
                    item.toString(),
                    access.actor());
        });
        return rows.byId(c.id());
    }

    /** Either side: refuses the case with a reason, telling the peer. */
    public CaseView refuse(String caseNo, @Nullable String reason, Access access) {
        var c = rows.require(caseNo, access.scope());
        String r = reason == null ? "" : reason.strip();
        if (r.length() < 2 || r.length() > 500) {
            throw new InvalidInputException(Violation.of("reason", r.isEmpty() ? "required" : "maxLength", 500));
        }
        if (!c.state().open()) {
            throw new ConflictException("continuation.conflict.state", c.caseNo());
        }
        tx.executeWithoutResult(s -> {
            if (c.state() != CaseView.State.APPLIED) {
                outgoing.send(c, outgoing.message(c, Envelope.Kind.REFUSAL, null, null, r), null, access.actor());
            }
            steps.move(
                    c,
                    move("REFUSE", CaseView.State.REFUSED, AuditOperation.REFUSE, null),
                    outgoing.today(),
                    r,
                    access.actor());
            steps.refusalReason(c, r);
        });
        return rows.byId(c.id());
    }

    private static CaseSteps.Move move(String step, CaseView.State to, AuditOperation op, @Nullable String doc) {
        return new CaseSteps.Move(step, to, op, doc);
    }

    private static void validate(Envelope.Info info) {
        var v = new ArrayList<Violation>();
        if (info.contributionYears() == null) {
            v.add(Violation.of("contributionYears", "required"));
        } else if (info.contributionYears() < 0 || info.contributionYears() > 80) {
            v.add(Violation.of("contributionYears", "range", 0, 80));
        }
        if (info.contributionMonths() != null && (info.contributionMonths() < 0 || info.contributionMonths() > 11)) {
            v.add(Violation.of("contributionMonths", "range", 0, 11));
        }
        amount(info.individualAccount(), "individualAccount", true, v);
        amount(info.pooledFund(), "pooledFund", true, v);
        amount(info.transferTotal(), "transferTotal", false, v);
        if (!v.isEmpty()) {
            throw new InvalidInputException(v);
        }
    }

    private static void amount(@Nullable BigDecimal a, String field, boolean required, List<Violation> v) {
        if (a == null) {
            if (required) {
                v.add(Violation.of(field, "required"));
            }
        } else if (a.signum() < 0 || a.compareTo(MAX_AMOUNT) >= 0 || a.scale() > 2) {
            v.add(Violation.of(field, "range", 0, "999999999999.99"));
        }
    }

    /** The person's items in scope as an EEP package (bytes, bounded). */
    private byte[] personPackage(CaseView c, Access access) {
        String cert = rows.person(c.id()).certNo();
        var personId = catalog.findPerson(cert, access)
                .orElseThrow(() -> new ConflictException("continuation.conflict.noArchive", c.caseNo()));
        var ids = catalog.personFile(personId, access).items().stream()
                .map(i -> i.id())
                .limit(MAX_ITEMS)
                .toList();
        if (ids.isEmpty()) {
            throw new ConflictException("continuation.conflict.noArchive", c.caseNo());
        }
        var exported = transfer.export(ids, TransferPackages.Format.EEP, access);
        try {
            if (Files.size(exported.file()) > settings.maxEnvelopeSize().toBytes()) {
                throw new ConflictException("continuation.conflict.packageTooLarge", c.caseNo());
            }
            return Files.readAllBytes(exported.file());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            exported.file().toFile().delete();
        }
    }
}
