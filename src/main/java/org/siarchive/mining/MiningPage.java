package org.siarchive.mining;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.siarchive.audit.AuditDetail;
import org.siarchive.audit.AuditOperation;
import org.siarchive.audit.AuditTrail;
import org.siarchive.audit.AuditedObject;
import org.siarchive.catalog.AccountNames;
import org.siarchive.catalog.Catalog;
import org.siarchive.shared.Access;
import org.siarchive.shared.ReadableTime;
import org.siarchive.shared.Register;
import org.siarchive.shared.Registers;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the 数据挖掘 page shows of a run — charts, explanations and tables in the reader's language — and the Excel
 * download of a table, headed with the unit, the run, who exported it and when (北京时间), audited EXPORT.
 */
@Component
class MiningPage {

    /** One table on the page: its download name, title, headers, rows as text, and the first explanations. */
    record Table(String name, String title, List<String> headers, List<List<String>> rows, List<String> explanations) {}

    /** A run's results as shown. */
    record Shown(MiningRun run, MiningResult result, List<Drawn> charts, List<Table> tables) {}

    /** A chart and its figures as JSON for the statistics chart script. */
    record Drawn(ChartView chart, String json) {}

    private final MiningRunStore store;
    private final Catalog catalog;
    private final AccountNames people;
    private final Registers registers;
    private final MessageSource messages;
    private final ReadableTime time;
    private final AuditTrail audit;

    MiningPage(
            MiningRunStore store,
            Catalog catalog,
            AccountNames people,
            Registers registers,
            MessageSource messages,
            ReadableTime time,
            AuditTrail audit) {
        this.store = store;
        this.catalog = catalog;
        this.people = people;
        this.registers = registers;
        this.messages = messages;
        this.time = time;
        this.audit = audit;
    }

    /** The run's results; null when it has none (running or failed). */
    @Nullable
    Shown shown(MiningRun run, Locale locale) {
        var result = store.results(run.id()).orElse(null);
        if (result == null) {
            return null;
        }
        var names = new MiningNames(catalog, result, messages, locale);
        var tables = new ArrayList<Table>();
        for (String name : MiningTables.NAMES) {
            var register = MiningTables.table(name, result, names);
            tables.add(new Table(
                    name,
                    names.label(register.titleKey()),
                    register.columns().stream()
                            .map(c -> names.label(c.labelKey()))
                            .toList(),
                    register.rows().stream()
                            .map(row -> row.stream().map(registers::text).toList())
                            .toList(),
                    explanations(name, result, names)));
        }
        var charts = MiningCharts.all(result, names).stream()
                .map(c -> new Drawn(c, MiningRunStore.JSON.writeValueAsString(c)))
                .toList();
        return new Shown(run, result, charts, tables);
    }

    private static List<String> explanations(String table, MiningResult r, MiningNames n) {
        return switch (table) {
            case "trends" ->
                MiningExplanations.first(
                        r.trends().stream()
                                .filter(t -> t.kind() != Trend.Kind.STEP_REGION)
                                .toList(),
                        6,
                        t -> MiningExplanations.trend(t, n));
            case "rules" -> MiningExplanations.first(r.rules(), 3, rule -> MiningExplanations.rule(rule, n));
            case "transitions" ->
                MiningExplanations.first(r.transitions(), 3, t -> MiningExplanations.transition(t, n));
            default -> List.of();
        };
    }

    /** A table of a run of the caller's subtree as an Excel workbook; the export is audited. */
    @Transactional
    ResponseEntity<byte[]> export(long runId, String table, Access access, Locale locale) {
        var run = store.get(runId, access);
        var result = store.results(run.id())
                .orElseThrow(() -> new org.siarchive.shared.NotFoundException("MINING_RUN", Long.toString(runId)));
        var names = new MiningNames(catalog, result, messages, locale);
        Register register = MiningTables.table(table, result, names);
        String who =
                people.displayName(access.actor().name()).orElse(access.actor().name());
        var preface = List.of(
                names.label(register.titleKey()),
                names.text(
                        "mining.export.run",
                        run.id(),
                        time.format(run.startedAt().toInstant(), ReadableTime.MINUTES),
                        MiningNames.number(result.itemsRead()),
                        MiningNames.number(result.itemsInScope())),
                names.text("mining.export.by", who, time.format(Instant.now(), ReadableTime.MINUTES)));
        byte[] body = registers.xlsx(register, preface, List.of(), locale);
        audit.record(
                access.actor(),
                AuditedObject.STATISTICS,
                "mining-" + run.id(),
                AuditOperation.EXPORT,
                null,
                AuditDetail.of("audit.detail.miningExport", AuditDetail.label(register.titleKey()))
                        .encoded());
        String file = names.label(register.titleKey()) + "-" + run.id() + ".xlsx";
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(Registers.XLSX))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename*=UTF-8''"
                                + URLEncoder.encode(file, StandardCharsets.UTF_8)
                                        .replace("+", "%20"))
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .body(body);
    }
}
