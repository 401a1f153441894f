package org.siarchive.checks;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.siarchive.catalog.AccountNames;
import org.siarchive.shared.CjkFont;
import org.siarchive.shared.ReadableTime;
import org.springframework.stereotype.Component;

/**
 * A check report as a PDF (A4, CJK font embedded) and as an Excel workbook (a sheet of check items,
 * a sheet of failed records): check time, stage, subject, overall result, then per property the items
 * with code, name, result and detail.
 */
@Component
public class ReportDocuments {

    private static final float MARGIN = 50;

    private final ReadableTime time;
    private final AccountNames people;
    private volatile TrueTypeFont font;

    ReportDocuments(ReadableTime time, AccountNames people) {
        this.time = time;
        this.people = people;
    }

    private TrueTypeFont font() {
        if (font == null) {
            font = CjkFont.load();
        }
        return font;
    }

    static String result(String r, boolean english) {
        return switch (r) {
            case "PASS" -> english ? "passed" : "通过";
            case "FAIL" -> english ? "failed" : "不通过";
            case "NOT_CHECKED" -> english ? "not checked" : "未检测";
            default -> r;
        };
    }

    private List<String> header(FourPropertyChecks.Report r, boolean en) {
        var run = r.run();
        var stage = Stage.valueOf(run.stage());
        return List.of(
                (en ? "Four-property check report No. " : "四性检测报告 第 ") + run.id() + (en ? "" : " 号"),
                (en ? "Stage: " : "检测环节：") + stage.label(en),
                (en ? "Subject: " : "检测对象：") + run.subject(),
                (en ? "Checked: " : "检测时间：")
                        + time.format(run.startedAt(), ReadableTime.SECONDS)
                        + (run.finishedAt() == null ? "" : " — " + time.format(run.finishedAt(), ReadableTime.SECONDS)),
                (en ? "Checked by: " : "检测人：")
                        + people.displayName(run.startedBy()).orElseGet(() -> RunList.who(run.startedBy(), en)),
                (en ? "Records: " : "检测记录数：") + run.records(),
                (en ? "Overall result: " : "总体结论：")
                        + (run.overall() == null ? (en ? "running" : "进行中") : result(run.overall(), en)));
    }

    public byte[] pdf(FourPropertyChecks.Report r, boolean en) {
        try (var doc = new PDDocument()) {
            PDFont f = PDType0Font.load(doc, font(), true);
            var w = new Writer(doc, f);
            var h = header(r, en);
            w.line(h.get(0), 15);
            w.gap(6);
            for (String s : h.subList(1, h.size())) {
                w.line(s, 10);
            }
            for (int p = 1; p <= 4; p++) {
                int property = p;
                var items =
                        r.items().stream().filter(i -> i.property() == property).toList();
                if (items.isEmpty()) {
                    continue;
                }
                w.gap(8);
                w.line(CheckDefinition.propertyName(p, en), 12);
                for (var i : items) {
                    w.wrapped(i.code() + "  " + i.name(en) + "  【" + result(i.result(), en) + "】  " + i.detail(), 9);
                }
            }
            if (!r.failures().isEmpty()) {
                w.gap(8);
                w.line(en ? "Failed records" : "不通过的记录", 12);
                for (var x : r.failures()) {
                    w.wrapped(x.code() + "  " + x.record() + "  " + x.detail(), 8);
                }
            }
            w.close();
            var out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Lays text out top to bottom, wrapping by measured width and starting new pages as needed. */
    private static final class Writer {
        private final PDDocument doc;
        private final PDFont font;
        private PDPageContentStream cs;
        private float y;

        Writer(PDDocument doc, PDFont font) throws IOException {
            this.doc = doc;
            this.font = font;
            newPage();
        }

        private void newPage() throws IOException {
            if (cs != null) {
                cs.close();
            }
            var page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            cs = new PDPageContentStream(doc, page);
            y = PDRectangle.A4.getHeight() - MARGIN;
        }

        void gap(float g) {
            y -= g;
        }

        void line(String text, float size) throws IOException {
            if (y < MARGIN + size) {
                newPage();
            }
            y -= size * 1.5f;
            cs.beginText();
            cs.setFont(font, size);
            cs.newLineAtOffset(MARGIN, y);
            cs.showText(printable(text));
            cs.endText();
        }

        void wrapped(String text, float size) throws IOException {
            float width = PDRectangle.A4.getWidth() - 2 * MARGIN;
            var lines = new ArrayList<String>();
            var current = new StringBuilder();
            for (int i = 0; i < text.length(); ) {
                int cp = text.codePointAt(i);
                String ch = new String(Character.toChars(cp));
                if (font.getStringWidth(printable(current + ch)) / 1000 * size > width) {
                    lines.add(current.toString());
                    current.setLength(0);
                }
                current.append(ch);
                i += Character.charCount(cp);
            }
            lines.add(current.toString());
            for (String l : lines) {
                line(l, size);
            }
        }

        void close() throws IOException {
            cs.close();
        }

        /** Characters the font lacks are shown as '?', never an exception. */
        private String printable(String s) {
            var b = new StringBuilder();
            s.codePoints().forEach(cp -> {
                String ch = new String(Character.toChars(cp));
                try {
                    font.encode(ch);
                    b.append(ch);
                } catch (IOException | IllegalArgumentException e) {
                    b.append('?');
                }
            });
            return b.toString();
        }
    }

    public byte[] xlsx(FourPropertyChecks.Report r, boolean en) {
        try (var wb = new XSSFWorkbook()) {
            var sheet = wb.createSheet(en ? "Check items" : "检测项");
            int n = 0;
            for (String s : header(r, en)) {
                sheet.createRow(n++).createCell(0).setCellValue(s);
            }
            n++;
            var head = sheet.createRow(n++);
            String[] cols = en
                    ? new String[] {"Property", "Code", "Check item", "Result", "Passed", "Failed", "Detail"}
                    : new String[] {"属性", "编号", "检测项", "结果", "通过数", "不通过数", "说明"};
            for (int i = 0; i < cols.length; i++) {
                head.createCell(i).setCellValue(cols[i]);
            }
            for (var i : r.items()) {
                var row = sheet.createRow(n++);
                row.createCell(0).setCellValue(i.propertyName(en));
                row.createCell(1).setCellValue(i.code());
                row.createCell(2).setCellValue(i.name(en));
                row.createCell(3).setCellValue(result(i.result(), en));
                row.createCell(4).setCellValue(i.passed());
                row.createCell(5).setCellValue(i.failed());
                row.createCell(6).setCellValue(i.detail());
            }
            var failed = wb.createSheet(en ? "Failed records" : "不通过记录");
            var fh = failed.createRow(0);
            String[] fcols = en ? new String[] {"Code", "Record", "Detail"} : new String[] {"编号", "记录", "说明"};
            for (int i = 0; i < fcols.length; i++) {
                fh.createCell(i).setCellValue(fcols[i]);
            }
            int m = 1;
            for (var x : r.failures()) {
                var row = failed.createRow(m++);
                row.createCell(0).setCellValue(x.code());
                row.createCell(1).setCellValue(x.record());
                row.createCell(2).setCellValue(x.detail());
            }
            var out = new ByteArrayOutputStream();
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
