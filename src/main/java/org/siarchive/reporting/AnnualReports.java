package org.siarchive.reporting;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.siarchive.audit.AuditDetail;
import org.siarchive.audit.AuditOperation;
import org.siarchive.audit.AuditTrail;
import org.siarchive.audit.AuditedObject;
import org.siarchive.organisation.OrgUnit;
import org.siarchive.organisation.Organisations;
import org.siarchive.shared.Access;
import org.siarchive.shared.ConflictException;
import org.siarchive.shared.InvalidInputException;
import org.siarchive.shared.NotFoundException;
import org.siarchive.shared.ReadableTime;
import org.siarchive.shared.Violation;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The annual statistics reports of the caller's data scope (docs/adr/0090): listing, computing (a snapshot of
 * the figures, replaced by a later computation until the report is submitted), the manual figures of a unit and
 * year, and submission (报送), which freezes the report and files it as a permanent record (docs/adr/0091). A
 * report or unit outside the caller's organisation subtree does not exist for them (404).
 */
@Component
class AnnualReports {

    /** The earliest year a report can be made for. */
    static final int FIRST_YEAR = 1990;

    private final ReportRecords records;
    private final AnnualFigures figures;
    private final ManualFigures manual;
    private final Organisations organisations;
    private final AuditTrail audit;
    private final TransactionTemplate tx;
    private final ReadableTime time;

    AnnualReports(
            ReportRecords records,
            AnnualFigures figures,
            ManualFigures manual,
            Organisations organisations,
            AuditTrail audit,
            TransactionTemplate tx,
            ReadableTime time) {
        this.records = records;
        this.figures = figures;
        this.manual = manual;
        this.organisations = organisations;
        this.audit = audit;
        this.tx = tx;
        this.time = time;
    }

    /** A report year as typed: a whole number from {@value #FIRST_YEAR} to this year (422 naming the field). */
    int year(@Nullable String raw) {
        String s = raw == null ? "" : raw.strip();
        if (s.isEmpty()) {
            throw new InvalidInputException(Violation.of("year", "required"));
        }
        int current = time.today().getYear();
        if (s.length() > 4 || !s.matches("\\d+")) {
            throw new InvalidInputException(Violation.of("year", "integer"));
        }
        int y = Integer.parseInt(s);
        if (y < FIRST_YEAR || y > current) {
            throw new InvalidInputException(Violation.of("year", "range", FIRST_YEAR, current));
        }
        return y;
    }

    List<ReportRecords.Report> list(@Nullable String year, Access access) {
        Integer y = year == null || year.isBlank() ? null : year(year);
        return records.list(access.scope().orgPattern(), y);
    }

    /** The units the caller may report for: their subtree. */
    List<OrgUnit> units(Access access) {
        return organisations.subtree(access.scope().orgPath());
    }

    ReportRecords.Report report(long id, Access access) {
        return records.byId(id, access.scope().orgPattern())
                .orElseThrow(() -> new NotFoundException("ANNUAL_REPORT", Long.toString(id)));
    }

    Map<String, BigDecimal> figures(ReportRecords.Report report) {
        return records.figures(report.id());
    }

    /** The unit, when it lies within the caller's subtree (404 otherwise). */
    OrgUnit unit(long orgId, Access access) {
        return organisations
                .byId(orgId)
                .filter(u -> u.path().startsWith(access.scope().orgPath()))
                .orElseThrow(() -> new NotFoundException("ORG_UNIT", Long.toString(orgId)));
    }

    /** Computes (or recomputes) the unit's report of the year; 409 once it was submitted. */
    ReportRecords.Report compute(long orgId, @Nullable String rawYear, Access access) {
        int year = year(rawYear);
        var unit = unit(orgId, access);
        long id = tx.execute(s -> {
            var values = figures.of(unit.path(), year);
            long reportId = records.replace(
                    unit, year, values, access.actor().name(), time.now().toOffsetDateTime());
            audit.record(
                    access.actor(),
                    AuditedObject.ANNUAL_REPORT,
                    Long.toString(reportId),
                    AuditOperation.COMPUTE,
                    null,
                    AuditDetail.of("audit.detail.annualComputed", unit.name(), year, values.size())
                            .encoded());
            return reportId;
        });
        return report(id, access);
    }

    /** The unit's own manual figures of the year. */
    Map<String, BigDecimal> manualFigures(OrgUnit unit, int year) {
        return manual.own(unit.id(), year);
    }

    void saveManual(long orgId, @Nullable String rawYear, Map<String, String> values, Access access) {
        int year = year(rawYear);
        var unit = unit(orgId, access);
        manual.save(unit, year, values, access);
    }

    /** Freezes the report (audited SUBMIT); 409 when it was already submitted. */
    ReportRecords.Report freeze(long id, Access access) {
        var report = report(id, access);
        tx.executeWithoutResult(s -> {
            if (!records.submit(report.id(), access.actor().name(), time.now().toOffsetDateTime())) {
                throw new ConflictException("annual.conflict.submitted", report.year());
            }
            audit.record(
                    access.actor(),
                    AuditedObject.ANNUAL_REPORT,
                    Long.toString(report.id()),
                    AuditOperation.SUBMIT,
                    null,
                    AuditDetail.of("audit.detail.annualSubmitted", report.orgName(), report.year())
                            .encoded());
        });
        return report(id, access);
    }

    void archived(ReportRecords.Report report, java.util.UUID itemId, String archiveCode) {
        records.archived(report.id(), itemId, archiveCode);
    }

    /** Records an export of the report (EXPORT) in a transaction of its own, before the file leaves. */
    void exported(ReportRecords.Report report, String format, Access access) {
        tx.executeWithoutResult(s -> audit.record(
                access.actor(),
                AuditedObject.ANNUAL_REPORT,
                Long.toString(report.id()),
                AuditOperation.EXPORT,
                null,
                AuditDetail.of("audit.detail.annualExported", report.orgName(), report.year(), format)
                        .encoded()));
    }
}
