package org.siarchive.analytics;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.siarchive.audit.AuditDetail;
import org.siarchive.audit.AuditOperation;
import org.siarchive.audit.AuditTrail;
import org.siarchive.audit.AuditedObject;
import org.siarchive.catalog.AccountNames;
import org.siarchive.shared.Access;
import org.siarchive.shared.NotFoundException;
import org.siarchive.shared.ReadableTime;
import org.siarchive.shared.Registers;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * One chart's figures as an Excel workbook: above the table the chart's title, the organisation, the months, the
 * unit, who exported it and when (北京时间); then the chart's table, exactly as the page shows it. Every download is
 * audited (EXPORT on the STATISTICS object named by dashboard and chart).
 */
@Component
class ChartWorkbook {

    private final Dashboards dashboards;
    private final MessageSource messages;
    private final ReadableTime time;
    private final AuditTrail audit;
    private final AccountNames accounts;

    ChartWorkbook(
            Dashboards dashboards, MessageSource messages, ReadableTime time, AuditTrail audit, AccountNames accounts) {
        this.dashboards = dashboards;
        this.messages = messages;
        this.time = time;
        this.audit = audit;
        this.accounts = accounts;
    }

    /** The download of chart {@code chart} of the dashboard as the viewer sees it with these parameters. */
    @Transactional
    ResponseEntity<byte[]> download(DashboardView view, String chart, Access access, Locale locale) {
        var c = view.charts().stream()
                .filter(x -> x.id().equals(chart))
                .findFirst()
                .orElseThrow(
                        () -> new NotFoundException("CHART", chart.length() > 40 ? chart.substring(0, 40) : chart));
        byte[] body = ChartSheet.write(c, preface(view, c, access, locale));
        audit.record(
                access.actor(),
                AuditedObject.STATISTICS,
                view.id() + "/" + c.id(),
                AuditOperation.EXPORT,
                null,
                AuditDetail.of(
                                "audit.detail.statisticsExport",
                                c.title(),
                                view.org().name(),
                                view.from(),
                                view.to())
                        .encoded());
        String name = c.title() + "-" + time.today().toString().replace("-", "") + ".xlsx";
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(Registers.XLSX))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename*=UTF-8''"
                                + URLEncoder.encode(name, StandardCharsets.UTF_8)
                                        .replace("+", "%20"))
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .body(body);
    }

    /** The chart's table: the category, then one column per series, as the page lists it. */
    static List<List<?>> rows(DashboardView.ChartView c) {
        var rows = new ArrayList<List<?>>();
        for (int i = 0; i < c.categories().size(); i++) {
            var row = new ArrayList<Object>();
            row.add(c.categories().get(i).label());
            for (var s : c.series()) {
                row.add(s.values().get(i));
            }
            rows.add(row);
        }
        return rows;
    }

    private List<String> preface(DashboardView view, DashboardView.ChartView c, Access access, Locale locale) {
        String who = accounts.displayName(access.actor().name())
                .orElse(access.actor().name());
        var lines = new ArrayList<>(Arrays.asList(
                c.title(),
                msg("statistics.export.org", locale, view.org().name()),
                msg("statistics.export.period", locale, view.from(), view.to()),
                msg("statistics.export.unit", locale, c.unit())));
        if (c.note() != null) {
            lines.add(c.note());
        }
        lines.add(msg("statistics.export.by", locale, who, time.format(Instant.now(), ReadableTime.MINUTES)));
        return lines;
    }

    private String msg(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
