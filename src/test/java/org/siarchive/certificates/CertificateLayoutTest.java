package org.siarchive.certificates;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.Test;

/** The certificate PDF keeps every line within the page's margins, however long the name and purpose. */
class CertificateLayoutTest {

    @Test
    void theFirstLinesWrapWithinTheRightMargin() throws IOException {
        var content = new CertificateDocuments.Content(
                "社会保险业务档案摘录证明",
                "四川省成都市青羊区社会保险事业管理中心（档案室）",
                "ABCDEFGH23456789",
                "https://archive.example.gov.cn/verify/ABCDEFGH23456789",
                "欧阳**明",
                "510104********1234",
                "2026-05-01 09:30",
                "办理退休手续及养老保险关系转移接续所需的参保缴费历史证明材料（本人申请，经办窗口受理）",
                List.<String[]>of(new String[] {"0001-SB·2024-D100-01·GRCB-0001-0002", "参保登记表", "参保登记", "2024-03-01"}));

        byte[] pdf = CertificateDocuments.pdf(content);

        var right = new ArrayList<Float>();
        var headerRight = new ArrayList<Float>();
        var text = new StringBuilder();
        try (var doc = Loader.loadPDF(pdf)) {
            var stripper = new PDFTextStripper() {
                @Override
                protected void writeString(String s, List<TextPosition> positions) throws IOException {
                    for (var p : positions) {
                        right.add(p.getXDirAdj() + p.getWidthDirAdj());
                        if (Math.round(p.getFontSizeInPt()) == 11) { // the header paragraphs
                            headerRight.add(p.getXDirAdj() + p.getWidthDirAdj());
                        }
                    }
                    super.writeString(s, positions);
                }
            };
            text.append(stripper.getText(doc));
        }
        float margin = CertificateDocuments.PAGE_WIDTH - CertificateDocuments.LEFT + 1;
        assertThat(headerRight).isNotEmpty().allSatisfy(x -> assertThat(x).isLessThanOrEqualTo(margin));
        assertThat(right).allSatisfy(x -> assertThat(x).isLessThanOrEqualTo(CertificateDocuments.PAGE_WIDTH - 36));
        // nothing was cut: the whole purpose is there, over two lines
        assertThat(text.toString().replaceAll("\\s", "")).contains("办理退休手续及养老保险关系转移接续所需的参保缴费历史证明材料（本人申请，经办窗口受理）");
    }
}
