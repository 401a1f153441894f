package org.siarchive.comparison;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** COPY text written as bytes equals what the StringBuilder-then-UTF-8 encoding wrote before (issue 17 perf). */
class CopyTextTest {

    @Test
    void sameBytesAsEscapedStringsEncodedAsUtf8() {
        var r = new Random(74);
        String pieces = "a1\\\t\n\r张某欧阳𠀀*-/ X";
        for (int i = 0; i < 5_000; i++) {
            var values = new String[1 + r.nextInt(5)];
            for (int j = 0; j < values.length; j++) {
                var b = new StringBuilder();
                for (int k = r.nextInt(12); k > 0; k--) {
                    int at = r.nextInt(pieces.length());
                    if (Character.isHighSurrogate(pieces.charAt(at))) {
                        b.append(pieces, at, at + 2);
                    } else if (!Character.isLowSurrogate(pieces.charAt(at))) {
                        b.append(pieces.charAt(at));
                    }
                }
                values[j] = r.nextInt(5) == 0 ? null : b.toString();
            }
            byte[] bytes = new byte[r.nextInt(40)];
            r.nextBytes(bytes);
            long n = r.nextLong();

            var expected = new StringBuilder();
            expected.append(n).append('\t');
            expected.append("\\\\x").append(HexFormat.of().formatHex(bytes)).append('\t');
            var actual = new CopyText(4);
            actual.number(n).tab().bytea(bytes).tab();
            for (String v : values) {
                expected.append(v == null ? "\\N" : ReferenceValidator.escape(v))
                        .append('\t');
                actual.text(v).tab();
            }
            expected.append('\n');
            actual.newline();
            assertThat(actual.toByteArray()).isEqualTo(expected.toString().getBytes(StandardCharsets.UTF_8));
        }
    }
}
