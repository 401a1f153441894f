package org.siarchive.disposition;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.siarchive.catalog.AccountNames;
import org.siarchive.shared.Access;
import org.siarchive.shared.ReadableTime;
import org.siarchive.shared.Register;
import org.siarchive.shared.Register.Column;
import org.siarchive.shared.Registers;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * The batch's two papers, through the registers' one door ({@link Registers}: Excel by POI, PDF by PDFBox with
 * the CJK font, Beijing time): the opinion sheet (鉴定意见表: each member's verdict on the batch and on single
 * items) and the 鉴定意见书 (the group's conclusion: counts by decision, the items to extend with their new
 * terms, the items to destroy, the members with a line to sign, the leader's approval opinion and date).
 */
@Component
class AppraisalDocuments {

    static final int ROWS = AppraisalBatches.MAX_ITEMS + 200;

    private final AppraisalBatches batches;
    private final WorkRows work;
    private final Registers registers;
    private final MessageSource messages;
    private final AccountNames names;
    private final ReadableTime time;

    AppraisalDocuments(
            AppraisalBatches batches,
            WorkRows work,
            Registers registers,
            MessageSource messages,
            AccountNames names,
            ReadableTime time) {
        this.batches = batches;
        this.work = work;
        this.registers = registers;
        this.messages = messages;
        this.names = names;
        this.time = time;
    }

    ResponseEntity<byte[]> download(long batchId, String kind, String format, Access access, Locale locale) {
        var b = batches.batch(batchId, access);
        if (!"conclusion".equals(kind) && !"opinion-sheet".equals(kind)) {
            throw new org.siarchive.shared.InvalidInputException(org.siarchive.shared.Violation.of("kind", "code"));
        }
        var r = "conclusion".equals(kind) ? conclusion(b, locale) : opinionSheet(b, locale);
        return registers.download(r, format, access, locale);
    }

    Register opinionSheet(AppraisalBatches.Batch b, Locale locale) {
        var members = work.members(b.id());
        var rows = new ArrayList<List<?>>();
        for (var o : work.opinions(b.id())) {
            var m = members.stream()
                    .filter(x -> x.seq() == o.memberSeq())
                    .findFirst()
                    .orElseThrow();
            rows.add(List.of(
                    b.batchNo(),
                    label(m.role().labelKey(), locale),
                    m.name(),
                    m.unit() == null ? "" : m.unit(),
                    o.archiveCode() == null ? label("disposition.batch.wholeBatch", locale) : o.archiveCode(),
                    label(o.verdict().labelKey(), locale),
                    o.text() == null ? "" : o.text(),
                    names.nameOf(o.recordedBy()),
                    o.recordedAt()));
        }
        return new Register(
                "disposition.batch.opinionSheet",
                List.of(
                        Column.of("disposition.batch.no", 14),
                        Column.of("disposition.batch.groupRole", 8),
                        Column.of("disposition.batch.memberName", 8),
                        Column.of("disposition.batch.unit", 12),
                        Column.of("disposition.batch.subject", 28),
                        Column.of("disposition.batch.verdict", 6),
                        Column.of("disposition.batch.opinion", 20),
                        Column.of("disposition.batch.recordedBy", 8),
                        Column.of("disposition.batch.recordedAt", 12)),
                rows);
    }

    Register conclusion(AppraisalBatches.Batch b, Locale locale) {
        var rows = new ArrayList<List<?>>();
        var counts = work.counts(b.id());
        row(rows, label("disposition.batch.no", locale), b.batchNo(), b.title(), "", "");
        row(
                rows,
                label("disposition.batch.counts", locale),
                "",
                label("disposition.batch.decision.EXTEND", locale),
                String.valueOf(counts.getOrDefault("EXTEND", 0L)),
                "");
        row(
                rows,
                label("disposition.batch.counts", locale),
                "",
                label("disposition.batch.decision.DESTROY", locale),
                String.valueOf(counts.getOrDefault("DESTROY", 0L)),
                "");
        for (var i : work.items(b.id(), 0, AppraisalBatches.MAX_ITEMS)) {
            if (i.decision() == null) {
                continue;
            }
            String term = i.decision() == Decision.EXTEND
                    ? term(i.retentionCode(), locale) + " → " + term(i.newRetentionCode(), locale)
                    : term(i.retentionCode(), locale);
            row(
                    rows,
                    label(i.decision().labelKey(), locale),
                    i.archiveCode(),
                    term,
                    i.originalEnd() == null ? "" : i.originalEnd().toString(),
                    i.reason());
        }
        for (var m : work.members(b.id())) {
            row(
                    rows,
                    label("disposition.batch.member", locale),
                    label(m.role().labelKey(), locale),
                    m.name(),
                    m.unit(),
                    label("disposition.batch.signature", locale));
        }
        row(
                rows,
                label("disposition.batch.approval", locale),
                b.approvedBy() == null ? "" : names.nameOf(b.approvedBy()),
                b.approvedAt() == null ? "" : time.format(b.approvedAt(), ReadableTime.MINUTES),
                "",
                b.approvalOpinion());
        return new Register(
                "disposition.batch.conclusion",
                List.of(
                        Column.of("disposition.batch.section", 10),
                        Column.of("disposition.batch.codeOrRole", 32),
                        Column.of("disposition.batch.termOrName", 16),
                        Column.of("disposition.batch.originalEnd", 10),
                        Column.of("disposition.batch.reasonOrSignature", 26)),
                rows);
    }

    private static void row(
            List<List<?>> rows,
            String a,
            String b,
            String c,
            @org.jspecify.annotations.Nullable String d,
            @org.jspecify.annotations.Nullable String e) {
        rows.add(List.of(a, b, c, d == null ? "" : d, e == null ? "" : e));
    }

    private String term(@org.jspecify.annotations.Nullable String code, Locale locale) {
        return code == null ? "" : label("directory.retention." + code, locale);
    }

    private String label(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
