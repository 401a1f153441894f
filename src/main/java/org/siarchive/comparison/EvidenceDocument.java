package org.siarchive.comparison;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.siarchive.shared.ReadableTime;
import org.siarchive.shared.Register;
import org.siarchive.shared.Registers;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A decided warning's 数据比对预警核查报告 (PDF) and 比对证据清单 (Excel), through the platform's one export door
 * ({@link Registers}, CJK font): the rule, the person masked, the amounts, the decision, handler and times in
 * Beijing time above the table of evidence (the copied facts of each matched record).
 */
@Component
class EvidenceDocument {

    private static final List<Register.Column> COLUMNS = List.of(
            Register.Column.of("register.col.seq", 4),
            Register.Column.of("warning.evidence.kind", 12),
            Register.Column.of("warning.evidence.source", 12),
            Register.Column.of("warning.evidence.dataset", 8),
            Register.Column.of("warning.evidence.row", 8),
            Register.Column.of("warning.evidence.facts", 60));

    private final Registers registers;
    private final MessageSource messages;
    private final WarningLabels labels;
    private final ReadableTime time;

    EvidenceDocument(Registers registers, MessageSource messages, WarningLabels labels, ReadableTime time) {
        this.registers = registers;
        this.messages = messages;
        this.labels = labels;
        this.time = time;
    }

    byte[] pdf(WarningView w, List<Warning.Evidence> evidence, String organisation, Locale locale) {
        return registers.pdf(
                register("warning.report.title", evidence, locale),
                organisation,
                preface(w, locale),
                closing(w, locale),
                locale);
    }

    byte[] xlsx(WarningView w, List<Warning.Evidence> evidence, String organisation, Locale locale) {
        var preface = new ArrayList<String>();
        preface.add(msg("warning.evidenceList.title", locale));
        preface.add(organisation);
        preface.addAll(preface(w, locale));
        return registers.xlsx(register("warning.evidenceList.title", evidence, locale), preface, List.of(), locale);
    }

    private Register register(String titleKey, List<Warning.Evidence> evidence, Locale locale) {
        var rows = new ArrayList<List<?>>();
        for (var e : evidence) {
            rows.add(List.of(
                    e.seq(),
                    msg("warning.kind." + e.kind(), locale),
                    labels.source(e.source(), locale),
                    e.datasetId(),
                    e.rowNo(),
                    e.facts()));
        }
        return new Register(titleKey, COLUMNS, rows);
    }

    private List<String> preface(WarningView w, Locale locale) {
        return List.of(
                msg("warning.report.number", locale, w.warningNo()),
                msg("warning.report.rule", locale, labels.rule(w.ruleCode(), locale)),
                msg("warning.report.person", locale, nz(w.nameMasked()), nz(w.idMasked())),
                msg("warning.report.risk", locale, w.amountAtRisk().toPlainString(), w.monthsAtRisk()),
                msg("warning.report.raised", locale, time.format(w.raisedAt(), ReadableTime.MINUTES)));
    }

    private List<String> closing(WarningView w, Locale locale) {
        var lines = new ArrayList<String>();
        lines.add(msg("warning.report.decision", locale, msg(w.state().labelKey(), locale)));
        if (w.paymentAction() != null) {
            lines.add(msg(
                    "warning.report.payment",
                    locale,
                    msg(w.paymentAction().labelKey(), locale),
                    w.amountToRecover() == null ? "0.00" : w.amountToRecover().toPlainString()));
        }
        if (w.finding() != null) {
            lines.add(msg("warning.report.finding", locale, w.finding()));
        }
        if (w.exclusionReason() != null) {
            lines.add(msg("warning.report.exclusion", locale, w.exclusionReason()));
        }
        lines.add(msg(
                "warning.report.handler",
                locale,
                nz(w.decidedBy()),
                w.decidedAt() == null ? "" : time.format(w.decidedAt(), ReadableTime.MINUTES)));
        return lines;
    }

    String title(WarningView w, Locale locale) {
        return msg("warning.report.itemTitle", locale, w.warningNo(), labels.rule(w.ruleCode(), locale));
    }

    private String msg(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }

    private static String nz(@Nullable String s) {
        return s == null ? "" : s;
    }
}
