package org.siarchive.reporting;

import java.util.Comparator;
import java.util.List;
import org.siarchive.capture.Captures;
import org.siarchive.capture.Upload;
import org.siarchive.catalog.Catalog;
import org.siarchive.catalog.FondsDirectory;
import org.siarchive.catalog.ItemRecord;
import org.siarchive.quality.Submission;
import org.siarchive.shared.Actor;
import org.siarchive.shared.ConflictException;
import org.siarchive.shared.ReadableTime;
import org.springframework.stereotype.Component;

/**
 * Files a submitted report as a record of its own through the ordinary capture path (docs/adr/0091): business step
 * 年度统计报表 (TJBB, category 08), material 社会保险年度统计报表 (TJ01, archive scope 08-01: 永久), the Excel workbook
 * and the PDF as its files, in the fonds of the reporting unit or its nearest ancestor with one; 业务受理号
 * {@code TJBB-{unit code}-{year}} and idempotency key {@code annual-report:{unit code}:{year}}, so a crash between the capture and the report's row
 * update is healed by the next call, which finds the item under its key.
 */
@Component
class AnnualFiling {

    static final String STEP = "TJBB";
    static final String MATERIAL = "TJ01";

    private final Captures captures;
    private final Catalog catalog;
    private final FondsDirectory fonds;
    private final ReadableTime time;

    AnnualFiling(Captures captures, Catalog catalog, FondsDirectory fonds, ReadableTime time) {
        this.captures = captures;
        this.catalog = catalog;
        this.fonds = fonds;
        this.time = time;
    }

    /** The filed record of the report; idempotent. */
    ItemRecord file(ReportRecords.Report report, String unitCode, String title, byte[] xlsx, byte[] pdf, Actor actor) {
        String key = "annual-report:" + unitCode + ":" + report.year();
        var earlier = catalog.itemByIdempotencyKey("key:" + key);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        var now = time.now();
        var s = new Submission(
                fondsOf(report.orgPath()),
                "TJBB-" + unitCode + "-" + report.year(),
                STEP,
                null,
                title,
                report.orgName(),
                now.toLocalDate().toString(),
                null,
                null,
                null,
                null,
                report.submittedBy() == null ? actor.name() : report.submittedBy(),
                report.orgName(),
                now.toOffsetDateTime().toString(),
                List.of(new Submission.Material(MATERIAL), new Submission.Material(MATERIAL)));
        String name = report.year() + "-" + unitCode;
        var uploads = List.of(Upload.ofBytes(name + ".xlsx", xlsx), Upload.ofBytes(name + ".pdf", pdf));
        return captures.capture(s, uploads, key, actor).item();
    }

    /** The fonds of the unit, or of its nearest ancestor that has one. */
    private String fondsOf(String orgPath) {
        return fonds.all().stream()
                .filter(f -> f.orgId() != null && orgPath.contains("/" + f.orgId() + "/"))
                .max(Comparator.comparingInt(f -> orgPath.indexOf("/" + f.orgId() + "/")))
                .map(FondsDirectory.Fonds::code)
                .orElseThrow(() -> new ConflictException("annual.conflict.noFonds"));
    }
}
