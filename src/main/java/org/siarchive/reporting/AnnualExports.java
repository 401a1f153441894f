package org.siarchive.reporting;

import java.time.Instant;
import java.util.Locale;
import org.siarchive.catalog.AccountNames;
import org.siarchive.shared.Access;
import org.siarchive.shared.ReadableTime;
import org.springframework.stereotype.Component;

/**
 * The report's Excel workbook and PDF with the lines around the table — 填报单位, 年度, 单位负责人 / 填表人 / 填报日期
 * and who exported it when (Beijing time, display names) — audited as EXPORT when a person downloads them.
 */
@Component
class AnnualExports {

    private final AnnualReports reports;
    private final AnnualLayout layout;
    private final AnnualDocuments documents;
    private final AccountNames names;
    private final ReadableTime time;

    AnnualExports(
            AnnualReports reports,
            AnnualLayout layout,
            AnnualDocuments documents,
            AccountNames names,
            ReadableTime time) {
        this.reports = reports;
        this.layout = layout;
        this.documents = documents;
        this.names = names;
        this.time = time;
    }

    /** The workbook a person downloads (audited EXPORT). */
    byte[] xlsx(long id, Access access, Locale locale) {
        var report = reports.report(id, access);
        reports.exported(report, "xlsx", access);
        return xlsx(report, access, locale);
    }

    /** The PDF a person downloads (audited EXPORT). */
    byte[] pdf(long id, Access access, Locale locale) {
        var report = reports.report(id, access);
        reports.exported(report, "pdf", access);
        return pdf(report, access, locale);
    }

    byte[] xlsx(ReportRecords.Report report, Access access, Locale locale) {
        var lines = layout.lines(reports.figures(report), locale);
        return documents.xlsx(lines, frame(report, access, locale), locale);
    }

    byte[] pdf(ReportRecords.Report report, Access access, Locale locale) {
        var lines = layout.lines(reports.figures(report), locale);
        return documents.pdf(lines, report.orgName(), frame(report, access, locale), locale);
    }

    /** The file name people save it under: 年度-单位-统计表. */
    String fileName(ReportRecords.Report report, String format, Locale locale) {
        return report.year() + "-" + report.orgName() + "-" + layout.msg("annual.sheet", locale) + "." + format;
    }

    String title(ReportRecords.Report report, Locale locale) {
        return layout.msg("annual.itemTitle", locale, report.year(), report.orgName());
    }

    private AnnualDocuments.Frame frame(ReportRecords.Report report, Access access, Locale locale) {
        String filledBy = names.nameOf(report.submittedBy() == null ? report.computedBy() : report.submittedBy());
        var filledOn = time.date(report.submittedAt() == null ? report.computedAt() : report.submittedAt());
        return new AnnualDocuments.Frame(
                layout.msg("annual.doc.unit", locale, report.orgName()),
                layout.msg("annual.doc.year", locale, Integer.toString(report.year())),
                layout.msg("annual.doc.signatures", locale, filledBy, filledOn.toString()),
                layout.msg(
                        "annual.doc.exported",
                        locale,
                        names.nameOf(access.actor().name()),
                        time.format(Instant.now(), ReadableTime.MINUTES)));
    }
}
