package org.siarchive.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.siarchive.catalog.ItemState;
import org.siarchive.support.labels.AsciiWords;
import org.siarchive.support.labels.ConsoleCrawler;
import org.siarchive.support.labels.VisibleText;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;

/** The label test's judge finds a planted English code and lets proper names, 档号, numbers and units be. */
class AsciiWordsTest {

    private final AsciiWords words = AsciiWords.fromAllowList();

    @Test
    void aPlantedEnumIsReportedWithItsPageAndRole() {
        String html = page("<table><tr><th>状态</th></tr><tr><td>PRESERVED</td></tr></table>");

        var offences = words.check("archivist", "/items/1", VisibleText.of(html));

        assertThat(offences).singleElement().satisfies(o -> {
            assertThat(o.word()).isEqualTo("PRESERVED");
            assertThat(o.where()).isEqualTo("archivist");
            assertThat(o.path()).isEqualTo("/items/1");
        });
    }

    @Test
    void anEnumWithoutALabelFallsThroughTheLabelSourceAndIsCaught() {
        var bundle = new ResourceBundleMessageSource();
        bundle.setBasename("i18n/messages");
        bundle.setDefaultEncoding("UTF-8");
        bundle.setFallbackToSystemLocale(false);
        var labels = new Labels(bundle);
        LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
        try {
            // ItemState is labelled under its own keys (label.status.*), not enum.ItemState.*: planted
            String shown = labels.of(ItemState.PRESERVED);
            assertThat(words.check("test", "/planted", List.of("状态：" + shown)))
                    .extracting(AsciiWords.Offence::word)
                    .containsExactly("PRESERVED");
            assertThat(labels.of("label.status", ItemState.PRESERVED)).isEqualTo("已保存");
            assertThat(words.check("test", "/planted", List.of(labels.of("label.status", ItemState.PRESERVED))))
                    .isEmpty();
        } finally {
            LocaleContextHolder.resetLocaleContext();
        }
    }

    @Test
    void properNamesArchiveCodesNumbersAndUnitsAreAllowed() {
        String html = page("<p>档号 0001-SB·2024-D100-01·GRCB-0001-0002，共 12 件，3.5 MB，下载（PDF），"
                + "SM3withSM2 签名，2026-05-01 09:30</p>");

        assertThat(words.check("reader", "/", VisibleText.of(html))).isEmpty();
    }

    @Test
    void attributesPeopleReadAreCheckedButTypedValuesAndScriptsAreNot() {
        String html = page("<input name=q value=\"typed by the user\" placeholder=\"Search here\">"
                + "<button title=\"Submit\">提交</button><input type=submit value=\"Go\">"
                + "<img alt=\"logo\"><script>var notShown = 1;</script><textarea>typed text</textarea>");

        assertThat(words.check("reader", "/", VisibleText.of(html)))
                .extracting(AsciiWords.Offence::word)
                .containsExactlyInAnyOrder("Search", "here", "Submit", "Go", "logo");
    }

    @Test
    void aKnownWordIsAdmittedOnItsOwnersPageOnly() {
        var list = AsciiWords.parse("PDF # a format\nknown audit ^/audit.* CAPTURE # owned by audit\n");

        assertThat(list.check("auditor", "/audit?page=2", List.of("CAPTURE PDF")))
                .isEmpty();
        assertThat(list.check("auditor", "/search", List.of("CAPTURE PDF")))
                .extracting(AsciiWords.Offence::word)
                .containsExactly("CAPTURE");
    }

    @Test
    void theCrawlerFollowsLinksAndGetFormsOfThisConsoleOnly() {
        String html = page("<a href=\"/items/5\">a</a><a href=\"https://example.org/x\">b</a>"
                + "<form action=\"/search\"><input name=q value=\"\"><select name=s><option value=\"Y30\">30</option>"
                + "</select></form><form method=post action=\"/logout\"></form>");

        assertThat(ConsoleCrawlerAccess.links("/", html)).containsExactly("/items/5", "/search?s=Y30");
    }

    private static String page(String body) {
        return "<!DOCTYPE html><html><head><title>页面</title></head><body>" + body + "</body></html>";
    }

    /** The crawler's link reading, reached from this package. */
    static final class ConsoleCrawlerAccess {
        static List<String> links(String from, String html) {
            return ConsoleCrawler.links(from, html);
        }
    }
}
