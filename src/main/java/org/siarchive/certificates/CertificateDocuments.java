package org.siarchive.certificates;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.ofdrw.layout.OFDDoc;
import org.ofdrw.layout.element.Img;
import org.ofdrw.layout.element.Paragraph;
import org.ofdrw.layout.element.Position;
import org.siarchive.shared.CjkFont;

/**
 * The certified copy's content, laid out twice: as a PDF (A4, the CJK font embedded as a subset) and as an
 * OFD (A4, GB/T 33190). Both carry the same lines, the list of items, and the QR code of the verification
 * address; the caller signs them.
 */
final class CertificateDocuments {

    /** What a certificate says. */
    record Content(
            String title,
            String issuer,
            String code,
            String verifyUrl,
            String subjectName,
            String subjectId,
            String issuedAt,
            String purpose,
            List<String[]> items) {}

    /** A4 width and the left (and right) margin, in points. */
    static final float PAGE_WIDTH = PDRectangle.A4.getWidth();

    static final float LEFT = 60;

    private static volatile TrueTypeFont font;

    private CertificateDocuments() {}

    static byte[] pdf(Content c) throws IOException {
        try (var doc = new PDDocument()) {
            PDFont f = PDType0Font.load(doc, font(), true);
            var qr = LosslessFactory.createFromImage(doc, qr(c.verifyUrl()));
            int perPage = 26; // the header's paragraphs may wrap to a second line
            int pages = Math.max(1, (c.items().size() + perPage - 1) / perPage);
            for (int p = 0; p < pages; p++) {
                var page = new PDPage(PDRectangle.A4);
                doc.addPage(page);
                try (var cs = new PDPageContentStream(doc, page)) {
                    float y = 790;
                    if (p == 0) {
                        y = firstPageHeader(cs, f, c, y);
                    }
                    text(cs, f, 10, 60, y, "档号");
                    text(cs, f, 10, 250, y, "题名");
                    text(cs, f, 10, 420, y, "业务环节");
                    text(cs, f, 10, 500, y, "经办日期");
                    y -= 16;
                    for (int i = p * perPage; i < Math.min(c.items().size(), (p + 1) * perPage); i++) {
                        String[] it = c.items().get(i);
                        text(cs, f, 9, 60, y, it[0]);
                        text(cs, f, 9, 250, y, clip(it[1], 14));
                        text(cs, f, 9, 420, y, clip(it[2], 6));
                        text(cs, f, 9, 500, y, it[3]);
                        y -= 15;
                    }
                    if (p == pages - 1) {
                        cs.drawImage(qr, 60, 60, 90, 90);
                        text(cs, f, 10, 165, 130, "证明编号：" + c.code());
                        text(cs, f, 10, 165, 112, "扫码或访问以下地址核验本证明的真伪：");
                        text(
                                cs,
                                f,
                                9,
                                165,
                                96,
                                wrap(f, 9, PAGE_WIDTH - LEFT - 165, c.verifyUrl())
                                        .get(0));
                        text(cs, f, 10, 165, 76, c.issuer() + "（电子签章：SM3withSM2）");
                    }
                    text(cs, f, 8, 500, 40, "第 " + (p + 1) + " / " + pages + " 页");
                }
            }
            var info = doc.getDocumentInformation();
            info.setTitle(c.title() + " " + c.code());
            info.setAuthor(c.issuer());
            info.setCreator("SIArchive");
            var out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        }
    }

    static void ofd(Content c, Path target, Path work) throws IOException {
        Path qrFile = work.resolve("qr.png");
        ImageIO.write(qr(c.verifyUrl()), "png", qrFile.toFile());
        try (var doc = new OFDDoc(target)) {
            doc.add(new Paragraph(c.title(), 6d));
            for (String line : header(c)) {
                doc.add(new Paragraph(line, 3.6d));
            }
            doc.add(new Paragraph("档号 ｜ 题名 ｜ 业务环节 ｜ 经办日期", 3.2d));
            for (String[] it : c.items()) {
                doc.add(new Paragraph(String.join(" ｜ ", it), 3d));
            }
            var img = new Img(30d, 30d, qrFile);
            img.setPosition(Position.Static);
            doc.add(img);
            doc.add(new Paragraph("证明编号：" + c.code(), 3.4d));
            doc.add(new Paragraph("扫码或访问以下地址核验本证明的真伪：" + c.verifyUrl(), 3.2d));
            doc.add(new Paragraph(c.issuer() + "（电子签名：SM3withSM2）", 3.4d));
            var info = doc.getOfdDir().getOfd().getDocBody().getDocInfo();
            info.setTile(c.title() + " " + c.code());
            info.setAuthor(c.issuer());
            info.setCreator("SIArchive");
        } catch (org.dom4j.DocumentException e) {
            throw new IOException(e.getMessage(), e);
        } finally {
            Files.deleteIfExists(qrFile);
        }
    }

    private static List<String> header(Content c) {
        return List.of(
                "兹证明：" + c.subjectName() + "（公民身份号码 " + c.subjectId() + "）在本机构保存的社会保险业务档案如下，共 "
                        + c.items().size() + " 件。",
                "用途：" + c.purpose(),
                "出具单位：" + c.issuer() + "    出具时间：" + c.issuedAt());
    }

    /** The title, centred, and the header paragraphs wrapped within the margins; returns the next line's y. */
    private static float firstPageHeader(PDPageContentStream cs, PDFont f, Content c, float top) throws IOException {
        float y = top;
        text(cs, f, 18, Math.max(LEFT, (PAGE_WIDTH - width(f, 18, c.title())) / 2), y, c.title());
        y -= 34;
        for (String paragraph : header(c)) {
            for (String line : wrap(f, 11, PAGE_WIDTH - 2 * LEFT, paragraph)) {
                text(cs, f, 11, LEFT, y, line);
                y -= 18;
            }
        }
        return y - 6;
    }

    /** A paragraph broken into lines no wider than {@code max} points, at any character (CJK text has no spaces). */
    static List<String> wrap(PDFont f, float size, float max, String paragraph) throws IOException {
        var lines = new java.util.ArrayList<String>();
        var line = new StringBuilder();
        for (int i = 0; i < paragraph.length(); ) {
            int cp = paragraph.codePointAt(i);
            String ch = new String(Character.toChars(cp));
            if (line.length() > 0 && width(f, size, line + ch) > max) {
                lines.add(line.toString());
                line.setLength(0);
            }
            line.append(ch);
            i += Character.charCount(cp);
        }
        lines.add(line.toString());
        return lines;
    }

    static float width(PDFont f, float size, String s) throws IOException {
        return f.getStringWidth(s) / 1000f * size;
    }

    private static String clip(String s, int max) {
        return s.length() > max ? s.substring(0, max - 1) + "…" : s;
    }

    private static void text(PDPageContentStream cs, PDFont f, float size, float x, float y, String s)
            throws IOException {
        cs.beginText();
        cs.setFont(f, size);
        cs.newLineAtOffset(x, y);
        cs.showText(s);
        cs.endText();
    }

    static BufferedImage qr(String url) {
        try {
            var m = new QRCodeWriter()
                    .encode(
                            url,
                            BarcodeFormat.QR_CODE,
                            240,
                            240,
                            Map.of(
                                    EncodeHintType.ERROR_CORRECTION,
                                    ErrorCorrectionLevel.M,
                                    EncodeHintType.CHARACTER_SET,
                                    "UTF-8",
                                    EncodeHintType.MARGIN,
                                    1));
            var img = new BufferedImage(m.getWidth(), m.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
            for (int y = 0; y < m.getHeight(); y++) {
                for (int x = 0; x < m.getWidth(); x++) {
                    img.setRGB(x, y, m.get(x, y) ? 0xff000000 : 0xffffffff);
                }
            }
            return img;
        } catch (com.google.zxing.WriterException e) {
            throw new IllegalStateException("QR code: " + e.getMessage(), e);
        }
    }

    private static TrueTypeFont font() {
        if (font == null) {
            font = CjkFont.load();
        }
        return font;
    }
}
