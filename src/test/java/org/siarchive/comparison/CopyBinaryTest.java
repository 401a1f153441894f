package org.siarchive.comparison;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The binary COPY forms written for reference rows (PostgreSQL's send/recv formats). */
class CopyBinaryTest {

    private static String hex(CopyBinary b) {
        return HexFormat.of().formatHex(b.toByteArray());
    }

    @Test
    void numericsAsBase10000DigitsWithWeightSignAndScale() {
        // 12345.67: digits 1, 2345, 6700; weight 1; scale 2
        assertThat(hex(new CopyBinary(4).numeric(new BigDecimal("12345.67"))))
                .isEqualTo("0000000e" + "0003" + "0001" + "0000" + "0002" + "0001" + "0929" + "1a2c");
        // 0.5: digits 0, 5000; weight 0; scale 1
        assertThat(hex(new CopyBinary(4).numeric(new BigDecimal("0.5"))))
                .isEqualTo("0000000c" + "0002" + "0000" + "0000" + "0001" + "0000" + "1388");
        // 9999999: digits 999, 9999; weight 1; scale 0
        assertThat(hex(new CopyBinary(4).numeric(new BigDecimal("9999999"))))
                .isEqualTo("0000000c" + "0002" + "0001" + "0000" + "0000" + "03e7" + "270f");
        assertThat(hex(new CopyBinary(4).numeric(null))).isEqualTo("ffffffff");
    }

    @Test
    void datesAsDaysSince2000AndTextAsUtf8WithItsLength() {
        assertThat(hex(new CopyBinary(4).date(LocalDate.of(2000, 1, 2)))).isEqualTo("00000004" + "00000001");
        assertThat(hex(new CopyBinary(4).date(LocalDate.of(1999, 12, 31)))).isEqualTo("00000004" + "ffffffff");
        assertThat(hex(new CopyBinary(4).text("张*"))).isEqualTo("00000004" + "e5bca0" + "2a");
        assertThat(hex(new CopyBinary(4).text("a\tb"))).isEqualTo("00000003" + "610962");
        assertThat(hex(new CopyBinary(4).row(18).int8(7).bytea(new byte[] {1, 2})))
                .isEqualTo("0012" + "00000008" + "0000000000000007" + "00000002" + "0102");
    }
}
