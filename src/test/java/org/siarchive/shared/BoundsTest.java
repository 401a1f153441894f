package org.siarchive.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BoundsTest {

    @Test
    void acceptsThePageThatEndsExactlyAtTheResultWindow() {
        var last = Bounds.page(Bounds.RESULT_WINDOW / Bounds.MAX_PAGE_SIZE - 1, Bounds.MAX_PAGE_SIZE);

        assertThat(last.offset()).isEqualTo(Bounds.RESULT_WINDOW - Bounds.MAX_PAGE_SIZE);
    }

    @Test
    void refusesThePageBeyondTheResultWindowWithoutOverflowing() {
        assertThatThrownBy(() -> Bounds.page(Integer.MAX_VALUE, Bounds.MAX_PAGE_SIZE))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .extracting(Violation::field, Violation::rule)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple("page", "resultWindow")));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, Bounds.MAX_PAGE_SIZE + 1, Integer.MAX_VALUE, Integer.MIN_VALUE})
    void refusesAPageSizeOutsideOneToTheMaximum(int size) {
        assertThatThrownBy(() -> Bounds.page(0, size))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .extracting(Violation::rule)
                        .containsExactly("pageSize"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"\u0000", "a\u0007b", "\u007f", "\u0085", "abc\u202Efdp.exe", "\u2066x\u2069", "\uD800", "\uFFFD"
            })
    void refusesControlAndBidiCharacters(String value) {
        assertThat(Bounds.text("title", value, 100))
                .hasValueSatisfying(v -> assertThat(v.rule()).isEqualTo("specialCharacters"));
    }

    @Test
    void keepsTabsLineBreaksChineseAndCharactersBeyondTheBasicPlane() {
        assertThat(Bounds.text("title", "参保登记\t第1页\r\n𠀀字", 100)).isEmpty();
    }

    @Test
    void refusesTextLongerThanItsFieldAllows() {
        assertThat(Bounds.text("title", "档".repeat(101), 100))
                .hasValueSatisfying(v -> assertThat(v.rule()).isEqualTo("maxLength"));
        assertThat(Bounds.text("title", "档".repeat(100), 100)).isEmpty();
    }
}
