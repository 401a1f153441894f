package org.siarchive.digitisation;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.MultiFormatWriter;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;

/**
 * Printable labels for items, volumes and boxes (Code128 or QR with the 档号 and a title, 3 × 8 per A4
 * sheet of 70 × 37 mm labels), and barcode cover sheets (条码分隔页) that split a continuous scan stack
 * into items. The CJK font (WenQuanYi Zen Hei) is embedded as a subset.
 */
public class LabelSheets {

    private static final float MM = 72f / 25.4f;

    /** One label: the code the barcode carries, and two lines of text. */
    public record Label(String code, String title, String subtitle) {}

    private final TrueTypeFont font;

    public LabelSheets() {
        this.font = org.siarchive.shared.CjkFont.load();
    }

    /** A4 sheets of 24 labels; {@code qr} chooses QR codes over Code128. */
    public byte[] sheet(List<Label> labels, boolean qr) {
        // one document at a time on the JVM's one parsed font (CjkFont, docs/adr/0120)
        synchronized (font) {
            try (var doc = new PDDocument()) {
                PDFont f = PDType0Font.load(doc, font, true);
                float labelW = 70 * MM;
                float labelH = 37 * MM;
                float top = 297 * MM - 4.5f * MM;
                PDPageContentStream cs = null;
                try {
                    for (int i = 0; i < labels.size(); i++) {
                        if (i % 24 == 0) {
                            if (cs != null) {
                                cs.close();
                            }
                            var page = new PDPage(PDRectangle.A4);
                            doc.addPage(page);
                            cs = new PDPageContentStream(doc, page);
                        }
                        int slot = i % 24;
                        float x = (slot % 3) * labelW;
                        float y = top - (slot / 3 + 1) * labelH;
                        var l = labels.get(i);
                        var img = LosslessFactory.createFromImage(doc, barcode(l.code(), qr));
                        if (qr) {
                            cs.drawImage(img, x + 3 * MM, y + 4 * MM, 29 * MM, 29 * MM);
                            text(cs, f, 7.5f, x + 34 * MM, y + 26 * MM, l.code());
                            text(cs, f, 8.5f, x + 34 * MM, y + 18 * MM, clip(l.title(), 11));
                            text(cs, f, 7.5f, x + 34 * MM, y + 11 * MM, clip(l.subtitle(), 12));
                        } else {
                            cs.drawImage(img, x + 4 * MM, y + 15 * MM, 62 * MM, 14 * MM);
                            text(cs, f, 7.5f, x + 4 * MM, y + 10.5f * MM, l.code());
                            text(cs, f, 8.5f, x + 4 * MM, y + 5.5f * MM, clip(l.title() + " " + l.subtitle(), 24));
                        }
                    }
                } finally {
                    if (cs != null) {
                        cs.close();
                    }
                }
                var out = new ByteArrayOutputStream();
                doc.save(out);
                return out.toByteArray();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** One A4 cover sheet per item: a large QR code of {@code code} and the words that name the item. */
    public byte[] coverSheets(List<Label> items) {
        // one document at a time on the JVM's one parsed font (CjkFont, docs/adr/0120)
        synchronized (font) {
            try (var doc = new PDDocument()) {
                PDFont f = PDType0Font.load(doc, font, true);
                for (var l : items) {
                    var page = new PDPage(PDRectangle.A4);
                    doc.addPage(page);
                    try (var cs = new PDPageContentStream(doc, page)) {
                        text(cs, f, 28, 60 * MM, 260 * MM, "条码分隔页");
                        var img = LosslessFactory.createFromImage(doc, barcode(COVER_PREFIX + l.code(), true));
                        cs.drawImage(img, 55 * MM, 140 * MM, 100 * MM, 100 * MM);
                        text(cs, f, 14, 30 * MM, 120 * MM, l.code());
                        text(cs, f, 14, 30 * MM, 110 * MM, clip(l.title(), 30));
                        text(cs, f, 12, 30 * MM, 100 * MM, clip(l.subtitle(), 36));
                        text(cs, f, 10, 30 * MM, 40 * MM, "扫描时放在该件材料之前；本页不作为档案保存。");
                    }
                }
                var out = new ByteArrayOutputStream();
                doc.save(out);
                return out.toByteArray();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** What a cover sheet's QR code starts with, so a page's barcode is not mistaken for one. */
    public static final String COVER_PREFIX = "SIARCHIVE-COVER:";

    static BufferedImage barcode(String code, boolean qr) {
        try {
            BitMatrix m = qr
                    ? new MultiFormatWriter()
                            .encode(
                                    code,
                                    BarcodeFormat.QR_CODE,
                                    400,
                                    400,
                                    Map.of(EncodeHintType.CHARACTER_SET, "UTF-8", EncodeHintType.MARGIN, 1))
                    : new MultiFormatWriter()
                            .encode(
                                    toCode128(code),
                                    BarcodeFormat.CODE_128,
                                    900,
                                    200,
                                    Map.of(EncodeHintType.MARGIN, 4));
            var img = new BufferedImage(m.getWidth(), m.getHeight(), BufferedImage.TYPE_BYTE_BINARY);
            for (int x = 0; x < m.getWidth(); x++) {
                for (int y = 0; y < m.getHeight(); y++) {
                    img.setRGB(x, y, m.get(x, y) ? 0xff000000 : 0xffffffff);
                }
            }
            return img;
        } catch (WriterException | IllegalArgumentException e) {
            throw new IllegalArgumentException("cannot encode " + code + " as a barcode", e);
        }
    }

    /**
     * Code128 carries ASCII only: the 档号's middle dot (·, DA/T 13's separator between class levels)
     * travels as a full stop, which no 档号 uses, and {@link #fromCode128} puts it back.
     */
    public static String toCode128(String code) {
        return code.replace('·', '.');
    }

    public static String fromCode128(String scanned) {
        return scanned.replace('.', '·');
    }

    private static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    private static void text(PDPageContentStream cs, PDFont f, float size, float x, float y, String s)
            throws IOException {
        cs.beginText();
        cs.setFont(f, size);
        cs.newLineAtOffset(x, y);
        cs.showText(s);
        cs.endText();
    }
}
