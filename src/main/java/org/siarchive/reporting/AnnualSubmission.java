package org.siarchive.reporting;

import java.util.Locale;
import org.siarchive.organisation.Organisations;
import org.siarchive.shared.Access;
import org.siarchive.shared.ConflictException;
import org.springframework.stereotype.Component;

/**
 * 报送: freezes a computed report (audited SUBMIT) and files it, Excel and PDF in Chinese, as a permanent category
 * 08 record (docs/adr/0091). Capture commits its own steps, so filing runs after the freeze committed; a report
 * frozen but not yet filed (a crash, a storage failure) is filed by submitting it again.
 */
@Component
class AnnualSubmission {

    private final AnnualReports reports;
    private final AnnualExports exports;
    private final AnnualFiling filing;
    private final Organisations organisations;

    AnnualSubmission(AnnualReports reports, AnnualExports exports, AnnualFiling filing, Organisations organisations) {
        this.reports = reports;
        this.exports = exports;
        this.filing = filing;
        this.organisations = organisations;
    }

    ReportRecords.Report submit(long id, Access access) {
        var report = reports.report(id, access);
        if (report.submitted() && report.archiveItemId() != null) {
            throw new ConflictException("annual.conflict.submitted", report.year());
        }
        if (!report.submitted()) {
            report = reports.freeze(id, access);
        }
        Locale zh = Locale.SIMPLIFIED_CHINESE;
        var unit = organisations.require(report.orgId());
        byte[] xlsx = exports.xlsx(report, access, zh);
        byte[] pdf = exports.pdf(report, access, zh);
        var item = filing.file(report, unit.code(), exports.title(report, zh), xlsx, pdf, access.actor());
        reports.archived(report, item.id(), item.archiveCode());
        return reports.report(id, access);
    }
}
