package org.siarchive.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Free text that reads as a 档号 (ADR 0051) and free text that does not. The search of a typed 档号 on each backend
 * (other separators, full-width, a part) is in {@link SearchBehaviourSuite}; its items are made by {@link #entry}.
 */
class TypedArchiveCodeSearchTest {

    @Test
    void freeTextThatIsNoCodeIsNotReadAsOne() {
        assertThat(TypedArchiveCodes.looksLikeCode("参保登记")).isFalse();
        assertThat(TypedArchiveCodes.looksLikeCode("oyly")).isFalse();
        assertThat(TypedArchiveCodes.looksLikeCode("2024")).isFalse();
        assertThat(TypedArchiveCodes.looksLikeCode("GRCB－0002")).isTrue();
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
