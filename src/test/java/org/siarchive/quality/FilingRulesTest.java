package org.siarchive.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.siarchive.quality.FilingRules.Finding;
import org.siarchive.quality.FilingRules.Rule;

/** The filing check's rules (DA/T 70-2018 GD), pure: what a capture passes in is all they read. */
class FilingRulesTest {

    private static final String SM3 = "a".repeat(64);
    private static final String SHA = "b".repeat(64);

    @Test
    void aFileWhoseNameLiesAboutItsFormatFailsTheProperties() {
        var png = file("files[0]", "增员表.pdf", "PDF", "PNG", "image/png", 10, 10);

        var found = FilingRules.check(filing(List.of(png), 1));

        assertThat(problems(found, Rule.PROPERTIES)).containsExactly("文件名扩展名 .pdf 与按内容识别的格式 PNG 不一致");
        assertThat(problems(found, Rule.FIXITY)).isEmpty();
        assertThat(problems(found, Rule.CONTENT)).isEmpty();
        assertThat(problems(found, Rule.FORMAT)).isEmpty();
        assertThat(problems(found, Rule.REQUIRED)).isEmpty();
    }

    @Test
    void missingFieldsAreNamedInTheListsOrder() {
        var s = new Submission(
                "0001",
                "A1",
                "GRCB",
                null,
                " ",
                "某某",
                null,
                null,
                null,
                null,
                null,
                "张三",
                null,
                "2024-01-01T10:00",
                null);

        var found = FilingRules.check(new FilingRules.Filing("A1", RequiredField.of(s), 0, List.of()));

        assertThat(problems(found, Rule.REQUIRED)).containsExactly("缺少必填著录项目：题名、日期、经办机构");
    }

    @Test
    void countSizeAndFormatProblemsAreFound() {
        var shortFile = file("files[0]", "a.png", "PNG", "PNG", "image/png", 10, 9);
        var unknown = new FilingRules.FiledFile(
                "files[1]",
                "x.bin",
                null,
                Path.of("x"),
                5,
                5,
                null,
                SM3,
                "",
                "UNKNOWN",
                "application/zip",
                false,
                false,
                null);

        var found = FilingRules.check(filing(List.of(shortFile, unknown), 3));

        assertThat(found.get(1)).isEqualTo(new Finding(Rule.PROPERTIES, "files", "著录的材料 3 份，收到文件 2 个"));
        assertThat(problems(found, Rule.CONTENT)).containsExactly("暂存文件 9 字节，登记 10 字节");
        assertThat(problems(found, Rule.FIXITY)).containsExactly("SM3/SHA-256 摘要未登记或格式错误");
        assertThat(problems(found, Rule.FORMAT)).containsExactly("格式 application/zip 不在归档格式清单内");
    }

    @Test
    void qualityRequiresExactlyTheListedFields() {
        assertThat(RequiredField.isRequired("title")).isTrue();
        assertThat(RequiredField.isRequired("handledAt")).isTrue();
        assertThat(RequiredField.isRequired("docNo")).isFalse();
        assertThat(RequiredField.isRequired("insuranceType")).isFalse();
    }

    private static FilingRules.Filing filing(List<FilingRules.FiledFile> files, int declared) {
        var s = new Submission(
                "0001",
                "A1",
                "GRCB",
                null,
                "题名",
                "某某",
                "2024-01-01",
                null,
                null,
                null,
                null,
                "张三",
                "某中心",
                "2024-01-01T10:00",
                null);
        return new FilingRules.Filing("A1", RequiredField.of(s), declared, files);
    }

    private static FilingRules.FiledFile file(
            String field, String name, String claimed, String family, String mediaType, long size, long onDisk) {
        return new FilingRules.FiledFile(
                field, name, claimed, Path.of(name), size, onDisk, null, SM3, SHA, family, mediaType, true, true, null);
    }

    private static List<String> problems(List<Finding> found, Rule rule) {
        return found.stream()
                .filter(f -> f.rule() == rule && f.problem() != null)
                .map(Finding::problem)
                .toList();
    }
}
