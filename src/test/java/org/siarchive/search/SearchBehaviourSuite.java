package org.siarchive.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.siarchive.shared.Scope;

/**
 * What every full-text backend of the search port does, on one generated corpus ({@link SearchCorpus}): 保险 finds
 * 保险金, a traditional-script query finds simplified text (and the other way round), a name's pinyin initials, an ID
 * number (as holder and inside recognised text) and a 档号 each put the expected items in the top 10; a 档号 typed
 * with other separators or in part finds its item; a reader scoped to one county, a fonds or a lower clearance never
 * sees anything else; facets count every hit and drill down; a hit carries the 目录 columns; paging stays inside the
 * result window; removing, clearing and the layout marker behave alike. Subclasses give the backend.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SearchBehaviourSuite {

    @TempDir
    static Path dir;

    SearchCorpus corpus;
    ArchiveSearch search;
    UUID benefitItem; // 保险金 only in its text
    UUID traditionalTextItem; // text written in traditional characters
    UUID simplifiedCertItem; // 资格认证 in simplified text
    UUID namedItem; // person 欧阳明远
    UUID idHolderItem;
    UUID idInTextItem; // the same ID number appears only in its recognised text
    UUID codeItem;
    UUID sensitiveItem; // 密级 3 in county A

    /** The backend under test, its index under {@code dir} (or named after it). */
    abstract ArchiveSearch backend(Path dir, Function<String, byte @Nullable []> idIndex);

    /** How many generated items the corpus has. */
    abstract int items();

    /** After the backend is closed: whatever the subclass started for it. */
    void stopped() {}

    @BeforeAll
    void corpus() {
        corpus = new SearchCorpus(items());
        search = backend(dir.resolve("index"), corpus::idIndex);
        corpus.generated().forEach(search::index);
        corpus.typedCodes().forEach(search::index);
        benefitItem = plant(1, "办理结果通知", "韩冬", null, SearchCorpus.ORG_A, 1, "经审核，申请人符合领取条件，自次月起按月发放失业保险金，共计十二个月。");
        traditionalTextItem = plant(2, "资格认证记录", "邓华", null, SearchCorpus.ORG_A, 1, "本人於二〇二四年參加養老金領取資格認證，認證結果為通過。");
        simplifiedCertItem = plant(3, "资格认证记录", "邹平", null, SearchCorpus.ORG_A, 1, "参保人完成养老金领取资格认证，认证方式为人脸识别。");
        namedItem = plant(4, "养老保险待遇核定表", "欧阳明远", null, SearchCorpus.ORG_A, 1, "待遇核定。");
        idHolderItem = plant(5, "个人账户对账单", "龚琳", corpus.idNumber, SearchCorpus.ORG_A, 1, "对账。");
        idInTextItem = plant(
                6,
                "代办委托书",
                "龚琳之女",
                null,
                SearchCorpus.ORG_A,
                1,
                "委托人身份证号码" + corpus.idNumber + "，联系电话13912345678，开户账号6222020200112233445。");
        codeItem = plant(7, "失业登记表", "贺明", null, SearchCorpus.ORG_A, 1, "登记。");
        sensitiveItem = plant(8, "失业保险金申领登记表", "龙飞", null, SearchCorpus.ORG_A, 3, "申领失业保险金。养老金领取资格认证。");
        // out-of-scope twins: county B holds the same words, names and ID number
        plant(9, "失业保险金发放通知", "韩冬", corpus.idNumber, SearchCorpus.ORG_B, 1, "按月发放失业保险金。");
        plant(10, "资格认证记录", "欧阳明远", null, SearchCorpus.ORG_B, 1, "养老金领取资格认证。");
        commit(search, Map.of());
    }

    @AfterAll
    void close() {
        try {
            search.close();
        } finally {
            stopped();
        }
    }

    private UUID plant(int n, String title, String name, @Nullable String cert, String org, int level, String text) {
        var e = corpus.plant(corpus.entry(items() + n, title, name, cert, org, level, text));
        search.index(e);
        return e.itemId();
    }

    static void commit(ArchiveSearch search, Map<String, String> userData) {
        ((CommittedIndex) search).commit(userData);
    }

    static SearchQuery text(@Nullable String text, @Nullable String code, int page, int size) {
        return new SearchQuery(
                null, null, code, null, null, null, text, List.of(), null, null, null, null, null, page, size);
    }

    List<UUID> top10(String text, Scope scope) {
        return ids(search.search(text(text, null, 0, 10), scope));
    }

    static List<UUID> ids(SearchResults r) {
        return r.page().content().stream().map(SearchHit::itemId).toList();
    }

    long total(SearchQuery q, Scope scope) {
        return search.search(q, scope).page().total();
    }

    @Test
    void baoxianFindsBaoxianjin() {
        assertThat(top10("保险金", Scope.EVERYTHING)).contains(benefitItem, sensitiveItem);
        // "保险" also matches an item whose only occurrence is inside 保险金 (bigram recall)
        var q = text("保险", corpus.all.get(benefitItem).archiveCode(), 0, 10);
        assertThat(ids(search.search(q, Scope.EVERYTHING))).contains(benefitItem);
        var hit = search.search(text("保险金", null, 0, 10), Scope.EVERYTHING).page().content().stream()
                .filter(h -> h.itemId().equals(benefitItem))
                .findFirst()
                .orElseThrow();
        assertThat(hit.snippet()).contains("<mark>保险金</mark>");
    }

    @Test
    void everyItemWithTheWordIsFoundAndNoOther() {
        // recall and precision over the whole corpus: the hits are exactly the items whose title or text holds
        // the word, in either script
        for (String[] q : new String[][] {{"養老", "养老", "養老"}, {"保险金", "保险金", "保險金"}}) {
            long expected = corpus.all.values().stream()
                    .filter(e -> (e.title() + e.text()).contains(q[1]) || (e.title() + e.text()).contains(q[2]))
                    .count();
            var r = search.search(text(q[0], null, 0, 10), Scope.EVERYTHING);
            assertThat(r.page().total()).as(q[0]).isEqualTo(expected);
            for (var h : r.page().content()) {
                var e = corpus.all.get(h.itemId());
                assertThat(e.title() + e.text()).as(q[0]).containsAnyOf(q[1], q[2]);
            }
        }
    }

    @Test
    void traditionalAndSimplifiedFindEachOther() {
        assertThat(top10("養老金領取資格認證", Scope.EVERYTHING)).contains(traditionalTextItem, simplifiedCertItem);
        assertThat(top10("养老金领取资格认证", Scope.EVERYTHING)).contains(traditionalTextItem, simplifiedCertItem);
    }

    @Test
    void pinyinInitialsOfAName() {
        assertThat(top10("oymy", Scope.EVERYTHING)).contains(namedItem);
        assertThat(top10("ouyangmingyuan", Scope.EVERYTHING)).contains(namedItem);
    }

    @Test
    void idNumberAsHolderAndInsideRecognisedText() {
        var top = top10(corpus.idNumber, Scope.EVERYTHING);
        assertThat(top).contains(idHolderItem, idInTextItem);
        assertThat(top.size()).isLessThanOrEqualTo(3); // the two, and county B's holder
    }

    /**
     * Every generated item holds an ID number in its text. Its blind-index token is one term of the bigram field; in
     * the words field smartcn would cut it into one-character terms, and a query for a digit would find every item.
     */
    @Test
    void aDigitIsNotFoundInsideTheTokensOfIdNumbers() {
        for (String digit : new String[] {"3", "7", "e"}) {
            assertThat(total(text(digit, null, 0, 10), Scope.EVERYTHING))
                    .as(digit)
                    .isLessThan(items() / 100);
        }
    }

    @Test
    void archiveCodeComesFirst() {
        assertThat(top10(corpus.all.get(codeItem).archiveCode(), Scope.EVERYTHING))
                .first()
                .isEqualTo(codeItem);
    }

    @Test
    void nothingOutsideTheScopeAppears() {
        var countyA = new Scope(SearchCorpus.ORG_A, null, 3);
        var lowClearance = new Scope("/", null, 1);
        for (String t : List.of("保险金", "養老金領取資格認證", "oymy", corpus.idNumber, "养老保险", "失业")) {
            var q = text(t, null, 0, 100);
            for (var h : search.search(q, countyA).page().content()) {
                assertThat(corpus.all.get(h.itemId()).orgPath()).as(t).isEqualTo(SearchCorpus.ORG_A);
            }
            for (var h : search.search(q, lowClearance).page().content()) {
                assertThat(corpus.all.get(h.itemId()).clearance()).as(t).isEqualTo(1);
            }
            assertThat(total(q, countyA)).isLessThanOrEqualTo(total(q, Scope.EVERYTHING));
        }
        assertThat(top10("保险金", lowClearance)).contains(benefitItem).doesNotContain(sensitiveItem);
        var fondsOnly = new Scope("/", List.of(3L), 3);
        assertThat(top10(corpus.idNumber, fondsOnly)).doesNotContain(idHolderItem, idInTextItem);
        assertThat(top10(corpus.idNumber, Scope.NOTHING)).isEmpty();
    }

    @Test
    void facetsCountAllHitsAndDrillDown() {
        var r = search.search(text("养老保险", null, 0, 10), Scope.EVERYTHING);
        assertThat(r.facets().keySet()).containsAll(SearchResults.DIMENSIONS);
        long byOrg = r.facets().get("organisation").stream()
                .mapToLong(SearchResults.FacetCount::count)
                .sum();
        assertThat(byOrg).isEqualTo(r.page().total());
        var drilled = new SearchQuery(
                null, null, null, null, null, null, "养老保险", List.of(), null, "乙县社保中心", null, null, null, 0, 10);
        long inB = r.facets().get("organisation").stream()
                .filter(f -> f.value().equals("乙县社保中心"))
                .findFirst()
                .orElseThrow()
                .count();
        assertThat(total(drilled, Scope.EVERYTHING)).isEqualTo(inB);
        // search within results narrows
        var within = new SearchQuery(
                null, null, null, null, null, null, "失业", List.of("养老保险"), null, null, null, null, null, 0, 10);
        assertThat(total(within, Scope.EVERYTHING)).isLessThan(r.page().total());
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
                SearchCorpus.CODE,
                "02 GRCB 0002",
                "RCB-000"
            })
    void findsACodeTypedWithOtherSeparatorsOrInPart(String typed) {
        var codes = new Scope(SearchCorpus.ORG_CODES, null, 3);
        assertThat(ids(search.search(text(null, typed, 0, 100), codes)))
                .contains(new UUID(1, 1))
                .doesNotContain(new UUID(1, 3));
        if (TypedArchiveCodes.looksLikeCode(typed)) {
            assertThat(ids(search.search(text(typed, null, 0, 100), codes)))
                    .first()
                    .isEqualTo(new UUID(1, 1));
        }
    }

    @Test
    void aCodeSharingDigitsIsNotFound() {
        var codes = new Scope(SearchCorpus.ORG_CODES, null, 3);
        assertThat(ids(search.search(text(null, "GRCB-0002", 0, 100), codes))).containsExactly(new UUID(1, 1));
        assertThat(ids(search.search(text(null, "TXSL-0020", 0, 100), codes))).containsExactly(new UUID(1, 2));
        assertThat(ids(search.search(text(null, "GRCB-0020", 0, 100), codes))).isEmpty();
    }

    @Test
    void aHitCarriesTheDirectoryColumns() {
        var hit = search.search(text(null, SearchCorpus.CODE, 0, 10), Scope.EVERYTHING)
                .page()
                .content()
                .get(0);
        assertThat(hit.itemId()).isEqualTo(new UUID(1, 1));
        assertThat(hit.title()).isEqualTo("参保登记表");
        assertThat(hit.personName()).isEqualTo("张三");
        assertThat(hit.year()).isEqualTo(2024);
        assertThat(hit.handledAt().toInstant())
                .isEqualTo(corpus.all.get(hit.itemId()).handledAt().toInstant());
        assertThat(hit.responsible()).isEqualTo("测试市社会保险事业管理中心");
        assertThat(hit.docDate()).isEqualTo(LocalDate.of(2024, 3, 18));
        assertThat(hit.retentionCode()).isEqualTo("D30");
        assertThat(hit.securityLevel()).isEqualTo("2");
        assertThat(hit.pageCount()).isEqualTo(3);
    }

    @Test
    void pagesStayInsideTheResultWindowAndWithoutTextComeNewestFirst() {
        var first = search.search(text(null, null, 0, 20), Scope.EVERYTHING);
        var second = search.search(text(null, null, 1, 20), Scope.EVERYTHING);
        assertThat(first.page().total()).isEqualTo(corpus.all.size());
        assertThat(ids(first)).doesNotContainAnyElementsOf(ids(second));
        var times = first.page().content().stream()
                .map(h -> h.handledAt().toInstant())
                .toList();
        assertThat(times).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        var deep = search.search(text(null, null, 5_000, 100), Scope.EVERYTHING);
        assertThat(deep.page().page()).isEqualTo(99); // the last page inside the window of 10,000 hits
        long beyond = Math.max(0, Math.min(100, deep.page().total() - 9_900));
        assertThat(deep.page().content()).hasSize((int) beyond);
    }

    @Test
    void aRemovedItemIsNoLongerFoundAndTheIndexKnowsItsLayout() {
        var gone = corpus.entry(items() + 50, "注销登记表", "单于飞", null, SearchCorpus.ORG_A, 1, "注销。");
        search.index(gone);
        commit(search, Map.of());
        long size = search.size();
        assertThat(top10("单于飞", Scope.EVERYTHING)).containsExactly(gone.itemId());
        search.remove(gone.itemId());
        search.remove(new UUID(7, 7)); // none: nothing happens
        commit(search, Map.of());
        assertThat(top10("单于飞", Scope.EVERYTHING)).isEmpty();
        assertThat(search.size()).isEqualTo(size - 1);
        assertThat(search.needsRebuild()).isFalse();
    }

    @Test
    void aFreshIndexNeedsARebuildUntilCommittedAndClearEmptiesIt() {
        var fresh = backend(dir.resolve("fresh"), corpus::idIndex);
        try {
            assertThat(fresh.needsRebuild()).isTrue();
            fresh.index(corpus.all.get(namedItem));
            commit(fresh, Map.of(SearchIndexer.CURSOR, namedItem.toString()));
            assertThat(fresh.needsRebuild()).isTrue(); // a rebuild in progress
            assertThat(((CommittedIndex) fresh).userData()).containsEntry(SearchIndexer.CURSOR, namedItem.toString());
            commit(fresh, Map.of(SearchIndexer.WATERMARK, "2026-01-01T00:00Z"));
            assertThat(fresh.needsRebuild()).isFalse();
            assertThat(fresh.size()).isEqualTo(1);
            fresh.clear();
            commit(fresh, Map.of());
            assertThat(fresh.size()).isZero();
            assertThat(ids(fresh.search(text("oymy", null, 0, 10), Scope.EVERYTHING)))
                    .isEmpty();
        } finally {
            fresh.close();
        }
    }
}
