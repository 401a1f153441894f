package org.siarchive.comparison;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.siarchive.comparison.Datasets.Kind;
import org.siarchive.shared.InvalidInputException;

/** The reference file reader and the value forms, without a database. */
class ReferenceCsvTest {

    private static final Charset GBK = Charset.forName("GBK");

    private static List<List<String>> read(byte[] bytes, ReferenceCsv[] out) throws Exception {
        var csv = new ReferenceCsv(new ByteArrayInputStream(bytes));
        out[0] = csv;
        var rows = new ArrayList<List<String>>();
        for (var r = csv.next(); r != null; r = csv.next()) {
            rows.add(r);
        }
        return rows;
    }

    @Test
    void gbkBytesWrittenByHandAreDecodedAsGb18030() throws Exception {
        // given a header and a row written in GBK with CRLF line ends
        byte[] bytes = "公民身份号码,姓名,死亡日期\r\n110105194901010011,张三,2024-01-05\r\n".getBytes(GBK);
        var csv = new ReferenceCsv[1];
        // when read
        var rows = read(bytes, csv);
        // then both lines are Chinese again and the file is reported as GB18030
        assertThat(rows)
                .containsExactly(List.of("公民身份号码", "姓名", "死亡日期"), List.of("110105194901010011", "张三", "2024-01-05"));
        assertThat(csv[0].encoding()).isEqualTo("GB18030");
    }

    @Test
    void aBomIsDroppedAndUtf8IsKept() throws Exception {
        var out = new ByteArrayOutputStream();
        out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        out.write("姓名,金额\n欧阳娜娜,12.50\n".getBytes(StandardCharsets.UTF_8));
        var csv = new ReferenceCsv[1];
        var rows = read(out.toByteArray(), csv);
        assertThat(rows.get(0).get(0)).isEqualTo("姓名");
        assertThat(rows.get(1)).containsExactly("欧阳娜娜", "12.50");
        assertThat(csv[0].encoding()).isEqualTo("UTF-8");
    }

    @Test
    void eachLineOfAMixedFileIsDecodedOnItsOwn() throws Exception {
        var out = new ByteArrayOutputStream();
        out.write("姓名,备注\n".getBytes(StandardCharsets.UTF_8));
        out.write("李四,民政火化\n".getBytes(GBK));
        out.write("王五,卫健登记\n".getBytes(StandardCharsets.UTF_8));
        var csv = new ReferenceCsv[1];
        var rows = read(out.toByteArray(), csv);
        assertThat(rows).extracting(r -> r.get(0)).containsExactly("姓名", "李四", "王五");
        assertThat(rows.get(1).get(1)).isEqualTo("民政火化");
        assertThat(csv[0].encoding()).isEqualTo("MIXED");
    }

    @Test
    void quotedFieldsKeepCommasQuotesAndLineBreaksAndRowNumbersCountLines() throws Exception {
        byte[] bytes = "a,b\n\"x, \"\"y\"\"\",\"two\nlines\"\n\nlast,1".getBytes(StandardCharsets.UTF_8);
        var csv = new ReferenceCsv(new ByteArrayInputStream(bytes));
        assertThat(csv.next()).containsExactly("a", "b");
        assertThat(csv.rowNo()).isEqualTo(1);
        assertThat(csv.next()).containsExactly("x, \"y\"", "two\nlines");
        assertThat(csv.rowNo()).isEqualTo(2);
        assertThat(csv.next()).containsExactly("last", "1");
        assertThat(csv.rowNo()).isEqualTo(5);
        assertThat(csv.next()).isNull();
    }

    @Test
    void datesMonthsAndAmountsInTheirAcceptedForms() {
        assertThat(ReferenceValues.date("2024-03-01")).isEqualTo(LocalDate.of(2024, 3, 1));
        assertThat(ReferenceValues.date("20240301")).isEqualTo(LocalDate.of(2024, 3, 1));
        assertThat(ReferenceValues.date("2024/3/1")).isEqualTo(LocalDate.of(2024, 3, 1));
        assertThat(ReferenceValues.date("2024-02-30")).isNull();
        assertThat(ReferenceValues.date("01/03/2024")).isNull();
        assertThat(ReferenceValues.month("202403")).isEqualTo(LocalDate.of(2024, 3, 1));
        assertThat(ReferenceValues.month("2024-3")).isEqualTo(LocalDate.of(2024, 3, 1));
        assertThat(ReferenceValues.month("2024-03-17")).isEqualTo(LocalDate.of(2024, 3, 1));
        assertThat(ReferenceValues.amount("3,215.50")).isEqualByComparingTo("3215.50");
        assertThat(ReferenceValues.amount("-1")).isNull();
        assertThat(ReferenceValues.amount("1.234")).isNull();
        assertThat(ReferenceValues.amount("10000000")).isNull();
        assertThat(ReferenceValues.code(ReferenceValues.STATUSES, "暂停")).isEqualTo("SUSPENDED");
        assertThat(ReferenceValues.code(ReferenceValues.SUBTYPES, "低保")).isEqualTo("DIBAO");
    }

    @Test
    void headersAcceptAliasesAndMissingColumnsAreNamed() {
        var positions = ReferenceLayout.resolve(Kind.DEATH, List.of("\uFEFFAAC002", "姓 名", "火化日期", "多余列"));
        assertThat(positions).containsEntry(ReferenceField.CERT_NO, 0).containsEntry(ReferenceField.EVENT_DATE, 2);
        assertThatThrownBy(() -> ReferenceLayout.resolve(Kind.BENEFIT, List.of("身份证号码", "姓名")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(
                                e.violations().get(0).args().get(0))
                        .contains("险种", "开始日期", "月待遇金额", "末次发放月份", "状态")
                        .doesNotContain("姓名"));
    }
}
