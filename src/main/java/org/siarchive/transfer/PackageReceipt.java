package org.siarchive.transfer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.siarchive.capture.Captures;
import org.siarchive.capture.Upload;
import org.siarchive.catalog.Catalog;
import org.siarchive.checks.CheckCatalog;
import org.siarchive.checks.FourPropertyChecks;
import org.siarchive.preservation.Digester;
import org.siarchive.preservation.Preservation;
import org.siarchive.quality.Submission;
import org.siarchive.shared.Access;
import org.siarchive.shared.InvalidInputException;
import org.siarchive.shared.Violation;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Receives a package: the YJ inspection (its report kept); on any failed item a REJECTED handover and a 422
 * naming each failed item and record; otherwise every record captured into the receiving fonds through the
 * ordinary capture path (idempotency key {@code transfer-<package>-<n>}: an interrupted receipt can be
 * repeated), then the ACCEPTED handover with an audit entry per item. Records already held are never
 * received silently (docs/adr/0035): unless the archivist decided to skip or keep them, with a reason, the
 * package is refused (409) naming each and entered in the register as REJECTED.
 */
@Component
class PackageReceipt {

    private final Catalog catalog;
    private final Preservation preservation;
    private final Captures captures;
    private final FourPropertyChecks checks;
    private final PackageInspection inspection;
    private final HandoverRegister register;
    private final ReceiptDuplicates duplicates;
    private final TransactionTemplate tx;

    PackageReceipt(
            Catalog catalog,
            Preservation preservation,
            Captures captures,
            FourPropertyChecks checks,
            PackageInspection inspection,
            HandoverRegister register,
            ReceiptDuplicates duplicates,
            TransactionTemplate tx) {
        this.duplicates = duplicates;
        this.catalog = catalog;
        this.preservation = preservation;
        this.captures = captures;
        this.checks = checks;
        this.inspection = inspection;
        this.register = register;
        this.tx = tx;
    }

    TransferPackages.Receipt receive(
            Path packageFile,
            String packageName,
            TransferPackages.Handover h,
            Access access,
            ReceiptProgress.Tracker tracker) {
        validate(h, access);
        String stagingKey = "transfer-" + UUID.randomUUID();
        try {
            String packageSm3 = Digester.of(packageFile).sm3();
            var found = inspection.inspect(packageFile, packageName, stagingKey, tracker);
            var report = checks.record(packageName, found.findings(), access.actor());
            if (!report.passed()) {
                throw reject(found, report, packageName, packageSm3, h, access);
            }
            var held = duplicates.of(found, access);
            if (!held.isEmpty() && h.onDuplicates() == TransferPackages.OnDuplicates.REFUSE) {
                throw refuseDuplicates(found, report.run().id(), packageName, packageSm3, h, held, access);
            }
            return accept(found, held, report.run().id(), packageName, packageSm3, h, access, tracker);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            preservation.discardStaging(stagingKey);
        }
    }

    private void validate(TransferPackages.Handover h, Access access) {
        var v = new ArrayList<Violation>();
        if (h.fondsCode() == null || h.fondsCode().isBlank()) {
            v.add(Violation.of("fondsCode", "required"));
        } else if (!catalog.fondsInScope(h.fondsCode().strip(), access.scope())) {
            v.add(Violation.of("fondsCode", "outOfScope", h.fondsCode()));
        }
        if (h.handedOverBy() == null || h.handedOverBy().isBlank()) {
            v.add(Violation.of("handedOverBy", "required"));
        }
        if (h.witness() == null || h.witness().isBlank()) {
            v.add(Violation.of("witness", "required"));
        }
        String reason = h.duplicateReason() == null ? "" : h.duplicateReason().strip();
        if (h.onDuplicates() != TransferPackages.OnDuplicates.REFUSE && (reason.isEmpty() || reason.length() > 500)) {
            v.add(Violation.of("duplicateReason", reason.isEmpty() ? "required" : "maxLength", 500));
        }
        if (!v.isEmpty()) {
            throw new InvalidInputException(v);
        }
    }

    private InvalidInputException reject(
            PackageInspection.Inspection found,
            FourPropertyChecks.Report report,
            String packageName,
            String packageSm3,
            TransferPackages.Handover h,
            Access access) {
        var failures = report.failures();
        String reason = String.join(
                "；",
                failures.stream()
                        .map(x -> x.code() + " " + x.record() + "：" + x.detail())
                        .limit(50)
                        .toList());
        tx.executeWithoutResult(s -> register.record(
                entry(
                        found,
                        packageName,
                        packageSm3,
                        h,
                        found.records().size(),
                        report.run().id(),
                        false,
                        reason),
                access.actor()));
        var v = new ArrayList<Violation>();
        for (var x : failures) {
            String name = CheckCatalog.find(x.code()).map(d -> d.nameZh()).orElse(x.code());
            v.add(Violation.of(
                    "package",
                    "checkFailed",
                    x.code(),
                    name,
                    x.record() + "：" + x.detail(),
                    report.run().id()));
        }
        return new InvalidInputException(v);
    }

    /** Duplicates without a decision: nothing is received, the refusal is registered and audited. */
    private RuntimeException refuseDuplicates(
            PackageInspection.Inspection found,
            long runId,
            String packageName,
            String packageSm3,
            TransferPackages.Handover h,
            List<ReceiptDuplicates.Held> held,
            Access access) {
        String reason = "已保存的重复档案：" + ReceiptDuplicates.describe(held);
        tx.executeWithoutResult(s ->
                register.record(entry(found, packageName, packageSm3, h, 0, runId, false, reason), access.actor()));
        return ReceiptDuplicates.refusal(held);
    }

    private TransferPackages.Receipt accept(
            PackageInspection.Inspection found,
            List<ReceiptDuplicates.Held> held,
            long runId,
            String packageName,
            String packageSm3,
            TransferPackages.Handover h,
            Access access,
            ReceiptProgress.Tracker tracker) {
        var received = new ArrayList<TransferPackages.ReceivedItem>();
        var records = found.records();
        var skipped = h.onDuplicates() == TransferPackages.OnDuplicates.SKIP
                ? held.stream().map(ReceiptDuplicates.Held::index).collect(java.util.stream.Collectors.toSet())
                : java.util.Set.<Integer>of();
        for (int i = 0; i < records.size(); i++) {
            tracker.at(ReceiptProgress.Stage.RECEIVING, i, records.size());
            if (skipped.contains(i)) {
                continue;
            }
            var r = records.get(i);
            var uploads = new ArrayList<Upload>();
            for (int k = 0; k < r.files().size(); k++) {
                var path = r.files().get(k).path();
                uploads.add(new Upload(r.parsed().docs().get(k).fileName(), () -> Files.newInputStream(path)));
            }
            var item = captures.capture(
                            submission(r.parsed(), h.fondsCode().strip()),
                            uploads,
                            "transfer-" + found.packageId() + "-" + (i + 1),
                            access.actor())
                    .item();
            received.add(new TransferPackages.ReceivedItem(r.parsed().archiveCode(), item.id(), item.archiveCode()));
        }
        long id = tx.execute(s -> {
            long rid = register.record(
                    entry(found, packageName, packageSm3, h, received.size(), runId, true, decision(h, held)),
                    access.actor());
            received.forEach(r -> register.recordItem(rid, r, found.packageId(), access.actor()));
            return rid;
        });
        return new TransferPackages.Receipt(
                id,
                found.packageId(),
                found.sourceUnit() == null ? "" : found.sourceUnit(),
                received.size(),
                found.receivedBytes(),
                h.handedOverBy(),
                access.actor().name(),
                h.witness(),
                runId,
                received,
                held.stream().map(ReceiptDuplicates.Held::duplicate).toList());
    }

    /** The archivist's decision on duplicates, for the register and the audit entry (null: there were none). */
    private static @Nullable String decision(TransferPackages.Handover h, List<ReceiptDuplicates.Held> held) {
        if (held.isEmpty()) {
            return null;
        }
        String what = h.onDuplicates() == TransferPackages.OnDuplicates.SKIP ? "仅接收新增，跳过重复档案" : "重复档案仍全部接收";
        return what + "（理由：" + String.valueOf(h.duplicateReason()).strip() + "）：" + ReceiptDuplicates.describe(held);
    }

    private static HandoverRegister.Entry entry(
            PackageInspection.Inspection found,
            String packageName,
            String packageSm3,
            TransferPackages.Handover h,
            int received,
            long runId,
            boolean accepted,
            @Nullable String reason) {
        return new HandoverRegister.Entry(
                found.packageId(),
                packageName,
                packageSm3,
                found.sourceUnit(),
                h,
                found.declaredCount(),
                received,
                found.declaredBytes(),
                found.receivedBytes(),
                runId,
                accepted,
                reason);
    }

    private static Submission submission(EepReader.Parsed p, String fondsCode) {
        String certNo = blankToNull(p.field("社保业务信息/证件号码"));
        String creditCode = blankToNull(p.field("社保业务信息/统一社会信用代码"));
        return new Submission(
                fondsCode,
                p.field("社保业务信息/业务受理号"),
                p.field("社保业务信息/业务环节代码"),
                blankToNull(p.field("社保业务信息/险种代码")),
                p.field("内容描述/题名"),
                p.field("内容描述/责任者"),
                p.field("内容描述/日期"),
                blankToNull(p.field("内容描述/文件编号")),
                blankToNull(p.field("内容描述/密级")),
                certNo == null ? null : new Submission.Person(p.field("社保业务信息/证件类型"), certNo, p.field("社保业务信息/姓名")),
                creditCode == null ? null : new Submission.Employer(creditCode, p.field("社保业务信息/单位名称")),
                p.field("社保业务信息/经办人"),
                p.field("社保业务信息/经办机构"),
                p.field("社保业务信息/经办时间"),
                p.docs().stream()
                        .map(d -> new Submission.Material(d.materialCode()))
                        .toList());
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
