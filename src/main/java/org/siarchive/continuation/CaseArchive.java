package org.siarchive.continuation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.siarchive.capture.Captures;
import org.siarchive.capture.Upload;
import org.siarchive.catalog.Catalog;
import org.siarchive.quality.Submission;
import org.siarchive.shared.Actor;
import org.siarchive.shared.ReadableTime;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Files a case's documents (domain.md §11.3) as one item through the ordinary capture path, idempotency key
 * {@code continuation:{case_no}:{side}}: the new agency under 养老保险关系转入接续 (ZYJXZR: 申请表 YL11, 联系函 YL09,
 * 信息表 YL10, 基金划转表 YL13, 接续完成记录 YL15, and the scans uploaded with the application), the old one under
 * 养老保险关系转出 (ZYJXZC: 联系函, 信息表, 基金划转表, 回执 YL12, 转出地终结记录 YL14). The documents are generated
 * PDFs in Beijing time. A second call finds the item under its key instead of capturing again.
 */
@Component
class CaseArchive {

    static final String STEP_IN = "ZYJXZR";
    static final String STEP_OUT = "ZYJXZC";
    private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

    private final JdbcClient jdbc;
    private final Captures captures;
    private final Catalog catalog;
    private final CaseRows rows;
    private final CasePdf pdf;
    private final ContinuationSettings settings;
    private final ReadableTime time;
    private final MessageSource messages;

    CaseArchive(
            JdbcClient jdbc,
            Captures captures,
            Catalog catalog,
            CaseRows rows,
            CasePdf pdf,
            ContinuationSettings settings,
            ReadableTime time,
            MessageSource messages) {
        this.jdbc = jdbc;
        this.captures = captures;
        this.catalog = catalog;
        this.rows = rows;
        this.pdf = pdf;
        this.settings = settings;
        this.time = time;
        this.messages = messages;
    }

    /** The item of the case's documents; captured on the first call. */
    UUID archive(CaseView c, Actor actor) {
        boolean in = c.direction() == CaseView.Direction.IN;
        String key = "continuation:" + c.caseNo() + ":" + c.direction().name().toLowerCase(Locale.ROOT);
        var earlier = catalog.itemByIdempotencyKey("key:" + key);
        UUID id = earlier.isPresent() ? earlier.get().id() : capture(c, in, key, actor);
        jdbc.sql("update continuation_case set archived_item_id = :item where id = :id")
                .param("item", id)
                .param("id", c.id())
                .update();
        return id;
    }

    private UUID capture(CaseView c, boolean in, String key, Actor actor) {
        var person = rows.person(c.id());
        var files = new ArrayList<Submission.Material>();
        var uploads = new ArrayList<Upload>();
        var materials =
                in ? List.of("YL11", "YL09", "YL10", "YL13", "YL15") : List.of("YL09", "YL10", "YL13", "YL12", "YL14");
        for (String m : materials) {
            files.add(new Submission.Material(m));
            uploads.add(Upload.ofBytes(c.caseNo() + "-" + m + ".pdf", document(m, c, person)));
        }
        if (in) {
            for (var scan : jdbc.sql("select material, file_name, content from continuation_document "
                            + "where case_id = :c order by id")
                    .param("c", c.id())
                    .query((rs, n) -> new Object[] {rs.getString(1), rs.getString(2), rs.getBytes(3)})
                    .list()) {
                files.add(new Submission.Material((String) scan[0]));
                uploads.add(Upload.ofBytes((String) scan[1], (byte[]) scan[2]));
            }
        }
        String now = time.now().toOffsetDateTime().toString();
        var s = new Submission(
                settings.fonds(),
                c.caseNo(),
                in ? STEP_IN : STEP_OUT,
                c.scheme(),
                label(in ? "continuation.doc.itemIn" : "continuation.doc.itemOut", person.name(), c.caseNo()),
                settings.agencyName(),
                time.today().toString(),
                c.caseNo(),
                null,
                new Submission.Person("01", person.certNo(), person.name()),
                null,
                settings.agencyName(),
                settings.agencyName(),
                now,
                files);
        return captures.capture(s, uploads, key, actor).item().id();
    }

    /** One generated document of the case. */
    byte[] document(String material, CaseView c, CaseRows.Person p) {
        var lines = new ArrayList<CasePdf.Line>();
        line(lines, "continuation.doc.caseNo", c.caseNo());
        line(lines, "continuation.doc.remoteCaseNo", c.remoteCaseNo());
        line(lines, "continuation.doc.name", p.name());
        line(lines, "continuation.doc.certNo", p.certNo());
        line(lines, "continuation.doc.scheme", c.scheme());
        line(lines, "continuation.doc.kind", label(c.kind().labelKey()));
        boolean in = c.direction() == CaseView.Direction.IN;
        line(lines, in ? "continuation.doc.fromAgency" : "continuation.doc.toAgency", c.peerAgency());
        line(lines, in ? "continuation.doc.toAgency" : "continuation.doc.fromAgency", settings.agencyName());
        if (material.equals("YL11")) {
            line(lines, "continuation.doc.appliedOn", String.valueOf(c.appliedOn()));
            line(lines, "continuation.doc.agentName", p.agentName());
            line(lines, "continuation.doc.agentPhone", p.agentPhone());
            line(lines, "continuation.doc.agentRelation", p.agentRelation());
        }
        if (List.of("YL10", "YL13").contains(material) && c.info() != null) {
            var info = Envelope.info(c.info());
            line(lines, "continuation.doc.contributionYears", info.contributionYears());
            line(lines, "continuation.doc.contributionMonths", info.contributionMonths());
            line(lines, "continuation.doc.individualAccount", info.individualAccount());
            line(lines, "continuation.doc.pooledFund", info.pooledFund());
            line(lines, "continuation.doc.transferTotal", info.transferTotal());
        }
        for (var step : rows.steps(c.id())) {
            line(lines, step.labelKey(), time.format(step.at(), ReadableTime.MINUTES));
        }
        String footer = label("continuation.doc.printed", time.now().format(ReadableTime.MINUTES));
        return pdf.write(label("continuation.doc.title." + material), lines, footer);
    }

    private void line(List<CasePdf.Line> lines, String key, @Nullable Object value) {
        if (value != null) {
            lines.add(new CasePdf.Line(label(key), String.valueOf(value).replaceAll("\\p{Cntrl}", " ")));
        }
    }

    private String label(String key, Object... args) {
        return messages.getMessage(key, args, ZH);
    }
}
