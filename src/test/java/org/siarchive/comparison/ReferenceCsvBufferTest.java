package org.siarchive.comparison;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The CSV reader's run-by-run scan (issue 17 performance): records that span the 64 KB read buffer, quoted
 * line breaks, GBK lines among UTF-8 ones and a real U+FFFD all come back as written, with their line numbers.
 */
class ReferenceCsvBufferTest {

    @Test
    void recordsAcrossBufferBoundariesKeepFieldsEncodingsAndLineNumbers() throws Exception {
        var gbk = Charset.forName("GBK");
        var out = new ByteArrayOutputStream();
        int rows = 30_000;
        long[] lines = new long[rows];
        long line = 1;
        for (int i = 0; i < rows; i++) {
            lines[i] = line;
            String name = i % 11 == 0 ? "替换\uFFFD" : "欧阳" + i;
            if (i % 7 == 0) {
                out.write(("\"" + i + "\n行\",\"x,\"\"y\"\"\"," + name + "\r\n").getBytes(StandardCharsets.UTF_8));
                line += 2;
            } else if (i % 5 == 0) {
                out.write((i + ",民政," + "李四" + "\n").getBytes(gbk));
                line++;
            } else {
                out.write((i + "," + "a".repeat(i % 300) + "," + name + "\n").getBytes(StandardCharsets.UTF_8));
                line++;
            }
        }
        var csv = new ReferenceCsv(new ByteArrayInputStream(out.toByteArray()));
        for (int i = 0; i < rows; i++) {
            List<String> r = csv.next();
            assertThat(csv.rowNo()).as("row %d", i).isEqualTo(lines[i]);
            String name = i % 11 == 0 ? "替换\uFFFD" : "欧阳" + i;
            if (i % 7 == 0) {
                assertThat(r).containsExactly(i + "\n行", "x,\"y\"", name);
            } else if (i % 5 == 0) {
                assertThat(r).containsExactly(String.valueOf(i), "民政", "李四");
            } else {
                assertThat(r).containsExactly(String.valueOf(i), "a".repeat(i % 300), name);
            }
        }
        assertThat(csv.next()).isNull();
        assertThat(csv.encoding()).isEqualTo("MIXED");
    }
}
