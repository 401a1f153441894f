package org.siarchive.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.context.support.ResourceBundleMessageSource;

/** Details are stored as keys and read in the reader's language; older English details read in Chinese too. */
class AuditTextTest {

    private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

    private static AuditText text() {
        var messages = new ResourceBundleMessageSource();
        messages.setBasename("i18n/messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return new AuditText(messages);
    }

    @Test
    void aKeyedDetailSurvivesItsSeparatorsInArguments() {
        var d = AuditDetail.of("audit.detail.finding", "a|b\\c", 3);
        assertThat(AuditDetail.decode(d.encoded())).isEqualTo(d);
        assertThat(AuditDetail.decode("attempt 3")).isNull();
    }

    @Test
    void aKeyedDetailReadsInChineseWithLabelsForItsCodes() {
        var t = text();
        String stored = AuditDetail.of(
                        "audit.detail.checkFinished",
                        AuditDetail.label("checks.stage.GD"),
                        AuditDetail.label("checks.result.PASS"),
                        1,
                        0,
                        0)
                .encoded();
        assertThat(t.render(stored, ZH)).isEqualTo("归档环节通过：1 条记录，0 件未通过，0 件未检测");
        assertThat(t.render(
                        AuditDetail.of(
                                        "audit.detail.roles",
                                        AuditDetail.labels(java.util.List.of("role.READER", "role.CLERK")))
                                .encoded(),
                        ZH))
                .isEqualTo("角色：查阅人、业务经办人");
        assertThat(t.render(
                        AuditDetail.of(
                                        "audit.detail.search",
                                        AuditDetail.labels(
                                                java.util.List.of("audit.search.name=张三", "audit.search.year=2024")),
                                        3,
                                        1)
                                .encoded(),
                        ZH))
                .isEqualTo("姓名：张三、年度：2024 → 3 条结果，第 1 页");
        assertThat(t.render(stored, Locale.ENGLISH))
                .contains(": 1 records, 0 items failed, 0 not checked")
                .doesNotContain("#");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "wrong password",
                "account locked",
                "attempt 3",
                "5 failures, locked for 15 min",
                "password",
                "GD PASS: 1 records, 0 items failed, 0 not checked",
                "CQ FAIL: 94 records, 2 items failed, 0 not checked",
                "12 entries, 0 findings",
                "94 items, 40 MB/s",
                "94 items, 1048576 bytes, 0 findings",
                "3 items",
                "latest 20",
                "v2",
                "v2 → v3",
                "completed=1 quarantined=0 orphans=0 staging=2",
                "12 pages analysed",
                "EXPIRED"
            })
    void olderEnglishDetailsReadInChinese(String stored) {
        String read = text().render(stored, ZH);
        assertThat(read).as(stored).isNotEqualTo(stored);
        assertThat(ENGLISH_WORD.matcher(read).find())
                .as("an English word in %s", read)
                .isFalse();
    }

    /** An ASCII word of three letters or more that is not a unit or an algorithm's name. */
    private static final Pattern ENGLISH_WORD =
            Pattern.compile("\\b(?!MB\\b|SM3\\b|SM4\\b|GCM\\b|PDF\\b)[A-Za-z]{3,}\\b");

    @Test
    void aFindingReadsItsKindInChineseAndItsPathAsStored() {
        assertThat(text().render("SIDECAR metadata.json", ZH)).isEqualTo("元数据副本被改动或与目录不符：metadata.json");
    }

    @Test
    void freeTextIsShownAsWritten() {
        assertThat(text().render("同意查阅", ZH)).isEqualTo("同意查阅");
        assertThat(text().render("0001-SB·2024·GRCB-0002", ZH)).isEqualTo("0001-SB·2024·GRCB-0002");
    }

    @ParameterizedTest
    @ValueSource(strings = {"i18n/messages.properties", "i18n/messages_en.properties"})
    void everyDetailKeyHasItsWordsInBothLanguages(String bundle) throws IOException {
        var zh = load("i18n/messages.properties");
        var other = load(bundle);
        var keys = zh.stringPropertyNames().stream()
                .filter(k -> k.startsWith("audit.detail.") || k.startsWith("audit.result."))
                .toList();
        assertThat(keys).hasSizeGreaterThan(40);
        assertThat(keys)
                .allSatisfy(k ->
                        assertThat(other.getProperty(k)).as(bundle + " " + k).isNotBlank());
    }

    private Properties load(String bundle) throws IOException {
        var p = new Properties();
        try (var in = getClass().getClassLoader().getResourceAsStream(bundle)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
