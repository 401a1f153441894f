package org.siarchive.digitisation;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.multi.GenericMultipleBarcodeReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** Label sheets and cover sheets, rendered back to pixels and read with a barcode reader. */
class LabelSheetsTest {

    private final LabelSheets sheets = new LabelSheets();

    @Test
    void everyLabelOnTheSheetReadsBackAsItsCode() throws Exception {
        var labels = new ArrayList<LabelSheets.Label>();
        for (int i = 1; i <= 26; i++) {
            labels.add(new LabelSheets.Label("0001-SB·2024-D100-01·GRCB-%04d".formatted(i), "张三参保登记", "锦江区社保中心"));
        }
        for (boolean qr : new boolean[] {true, false}) {
            byte[] pdf = sheets.sheet(labels, qr);
            try (var doc = Loader.loadPDF(pdf)) {
                assertThat(doc.getNumberOfPages()).isEqualTo(2);
                assertThat(new PDFTextStripper().getText(doc))
                        .contains("张三参保登记")
                        .contains("0001-SB·2024-D100-01·GRCB-0026");
                var found = new ArrayList<String>();
                int dpi = qr ? 150 : 300;
                for (int p = 0; p < doc.getNumberOfPages(); p++) {
                    var page = new PDFRenderer(doc).renderImageWithDPI(p, dpi);
                    double px = dpi / 25.4;
                    for (int slot = 0; slot < 24; slot++) {
                        // each 70 × 37 mm label read on its own, as a hand scanner would
                        int x = (int) ((slot % 3) * 70 * px);
                        int y = (int) ((4.5 + (slot / 3) * 37) * px);
                        int h = Math.min((int) (37 * px), page.getHeight() - y);
                        found.addAll(
                                decodeAll(page.getSubimage(x, y, Math.min((int) (70 * px), page.getWidth() - x), h)));
                    }
                }
                found.replaceAll(LabelSheets::fromCode128);
                assertThat(found)
                        .as(qr ? "QR" : "Code128")
                        .containsExactlyInAnyOrderElementsOf(
                                labels.stream().map(LabelSheets.Label::code).toList());
            }
        }
    }

    @Test
    void coverSheetsCarryThePrefixedCode() throws Exception {
        byte[] pdf =
                sheets.coverSheets(List.of(new LabelSheets.Label("SL202405100001", "个人参保登记", "510105********2004")));
        try (var doc = Loader.loadPDF(pdf)) {
            var codes = decodeAll(new PDFRenderer(doc).renderImageWithDPI(0, 100));
            assertThat(codes).containsExactly(LabelSheets.COVER_PREFIX + "SL202405100001");
            assertThat(new PDFTextStripper().getText(doc)).contains("条码分隔页");
        }
    }

    private static List<String> decodeAll(java.awt.image.BufferedImage img) throws Exception {
        var reader = new GenericMultipleBarcodeReader(new com.google.zxing.MultiFormatReader());
        try {
            var results = reader.decodeMultiple(
                    new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(img))),
                    Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE, DecodeHintType.CHARACTER_SET, "UTF-8"));
            return Arrays.stream(results).map(r -> r.getText()).distinct().toList();
        } catch (com.google.zxing.NotFoundException e) {
            return List.of();
        }
    }
}
