package org.siarchive.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.siarchive.shared.Scope;

/**
 * A 档号 as people type it (ADR 0051): with "-" or "." for the middle dot, full-width, or only a part (its
 * beginning, its end, a middle part) finds the item, in the 档号 field and in the free-text box; another code
 * sharing digits is not found. A hit carries the 目录 columns (责任者, 日期, 保管期限, 密级, 页数).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TypedArchiveCodeSearchTest {

    static final String CODE = "0001-SB·2024-D30-02·GRCB-0002";
    static final String OTHER = "0001-SB·2024-D30-02·TXSL-0020";

    @TempDir
    static Path dir;

    LuceneArchiveSearch search;
    final UUID wanted = new UUID(0, 1);
    final UUID other = new UUID(0, 2);

    @BeforeAll
    void index() {
        search = new LuceneArchiveSearch(dir, v -> null);
        search.index(entry(wanted, CODE, "参保登记表"));
        search.index(entry(other, OTHER, "退休待遇申领表"));
        for (int i = 3; i < 60; i++) {
            search.index(entry(new UUID(0, i), "0002-SB·2023-D10-01·DWDJ-%04d".formatted(i), "单位登记表"));
        }
        search.commit(java.util.Map.of());
    }

    @AfterAll
    void close() {
        search.close();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "GRCB-0002",
                "grcb.0002",
                "ＧＲＣＢ－０００２",
                "0001-SB-2024",
                "0001.SB.2024.D30.02.GRCB.0002",
                "D30-02·GRCB",
                CODE,
                "02 GRCB 0002",
                "RCB-000"
            })
    void findsACodeTypedWithOtherSeparatorsOrInPart(String typed) {
        assertThat(byCode(typed)).contains(wanted).doesNotContain(new UUID(0, 3));
        if (TypedArchiveCodes.looksLikeCode(typed)) {
            assertThat(byText(typed).get(0)).isEqualTo(wanted);
        }
    }

    @Test
    void aCodeSharingDigitsIsNotFound() {
        assertThat(byCode("GRCB-0002")).containsExactly(wanted);
        assertThat(byCode("TXSL-0020")).containsExactly(other);
        assertThat(byCode("GRCB-0020")).isEmpty();
    }

    @Test
    void aHitCarriesTheDirectoryColumns() {
        var hit = search.search(query(null, CODE), Scope.EVERYTHING)
                .page()
                .content()
                .get(0);
        assertThat(hit.responsible()).isEqualTo("测试市社会保险事业管理中心");
        assertThat(hit.docDate()).isEqualTo(LocalDate.of(2024, 3, 18));
        assertThat(hit.retentionCode()).isEqualTo("D30");
        assertThat(hit.securityLevel()).isEqualTo("2");
        assertThat(hit.pageCount()).isEqualTo(3);
    }

    @Test
    void freeTextThatIsNoCodeIsNotReadAsOne() {
        assertThat(TypedArchiveCodes.looksLikeCode("参保登记")).isFalse();
        assertThat(TypedArchiveCodes.looksLikeCode("oyly")).isFalse();
        assertThat(TypedArchiveCodes.looksLikeCode("2024")).isFalse();
        assertThat(TypedArchiveCodes.looksLikeCode("GRCB－0002")).isTrue();
    }

    private List<UUID> byCode(String typed) {
        return ids(query(null, typed));
    }

    private List<UUID> byText(String typed) {
        return ids(query(typed, null));
    }

    private List<UUID> ids(SearchQuery q) {
        return search.search(q, Scope.EVERYTHING).page().content().stream()
                .map(SearchHit::itemId)
                .toList();
    }

    private static SearchQuery query(String text, String code) {
        return new SearchQuery(
                null, null, code, null, null, null, text, List.of(), null, null, null, null, null, 0, 100);
    }

    /** An item with the given 档号 and title, the other fields fixed (also {@link ArchiveCodeGramsTest}'s). */
    static SearchEntry entry(UUID id, String code, String title) {
        return new SearchEntry(
                id,
                code,
                title,
                "张三",
                null,
                null,
                null,
                "01",
                "GRCB",
                "110",
                2024,
                OffsetDateTime.of(2024, 3, 18, 9, 0, 0, 0, ZoneOffset.ofHours(8)),
                1,
                "/1/",
                2,
                "测试全宗",
                "D30",
                "PRESERVED",
                "SL" + id,
                null,
                "测试市社会保险事业管理中心",
                LocalDate.of(2024, 3, 18),
                3);
    }
}
