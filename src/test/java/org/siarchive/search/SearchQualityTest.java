package org.siarchive.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.siarchive.crypto.Sm3;
import org.siarchive.shared.Scope;
import org.siarchive.support.Samples;

/**
 * Search quality on a generated corpus of 12,000 items with recognised text, spread over two county
 * organisations and three 密级: 保险 finds 保险金, a traditional-script query finds simplified text (and the
 * other way round), a name's pinyin initials, an ID number (as holder and inside recognised text) and a
 * 档号 each put the expected items in the top 10; a reader scoped to one county or a lower clearance never
 * sees anything else; no ID number, phone or bank account is in the index in the clear.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchQualityTest {

    static final int ITEMS = 12_000;
    static final String[] FORMS = {
        "城镇职工基本养老保险参保缴费凭证", "养老保险待遇核定表", "失业登记表", "工伤认定申请表", "医疗保险参保登记表",
        "个人账户对账单", "社会保险关系转移接续申请表", "参保单位缴费基数申报表", "离退休人员基本信息表", "养老保险个人账户转移表"
    };
    static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡"};
    static final String[] GIVEN = {"伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超"};
    static final String ORG_A = "/1/2/";
    static final String ORG_B = "/1/3/";

    @TempDir
    static Path dir;

    LuceneArchiveSearch search;
    final byte[] key = "search-quality-test-index-key-32".getBytes(StandardCharsets.UTF_8);
    final Random random = new Random(20261129);
    final List<SearchEntry> planted = new ArrayList<>();
    final java.util.Map<UUID, SearchEntry> all = new java.util.HashMap<>();

    String benefitItem; // 保险金 only in its text
    String traditionalTextItem; // text written in traditional characters
    String simplifiedCertItem; // 资格认证 in simplified text
    String namedItem; // person 欧阳明远
    String idHolderItem;
    String idInTextItem; // the same ID number appears only in its recognised text
    String idNumber;
    String codeItem;
    String sensitiveItem; // 密级 3 in county A

    @BeforeAll
    void corpus() {
        search = new LuceneArchiveSearch(dir, v -> java.util.Arrays.copyOf(Sm3.hmac(key, v.getBytes()), 32));
        for (int i = 0; i < ITEMS; i++) {
            var e = random(i);
            all.put(e.itemId(), e);
            search.index(e);
        }
        idNumber = Samples.citizenId(1958);
        benefitItem = plant(entry(ITEMS + 1, "办理结果通知", "韩冬", null, ORG_A, 1, "经审核，申请人符合领取条件，自次月起按月发放失业保险金，共计十二个月。"));
        traditionalTextItem = plant(entry(ITEMS + 2, "资格认证记录", "邓华", null, ORG_A, 1, "本人於二〇二四年參加養老金領取資格認證，認證結果為通過。"));
        simplifiedCertItem = plant(entry(ITEMS + 3, "资格认证记录", "邹平", null, ORG_A, 1, "参保人完成养老金领取资格认证，认证方式为人脸识别。"));
        namedItem = plant(entry(ITEMS + 4, "养老保险待遇核定表", "欧阳明远", null, ORG_A, 1, "待遇核定。"));
        idHolderItem = plant(entry(ITEMS + 5, "个人账户对账单", "龚琳", idNumber, ORG_A, 1, "对账。"));
        idInTextItem = plant(entry(
                ITEMS + 6,
                "代办委托书",
                "龚琳之女",
                null,
                ORG_A,
                1,
                "委托人身份证号码" + idNumber + "，联系电话13912345678，开户账号6222020200112233445。"));
        codeItem = plant(entry(ITEMS + 7, "失业登记表", "贺明", null, ORG_A, 1, "登记。"));
        sensitiveItem = plant(entry(ITEMS + 8, "失业保险金申领登记表", "龙飞", null, ORG_A, 3, "申领失业保险金。养老金领取资格认证。"));
        // out-of-scope twins: county B holds the same words, names and ID number
        plant(entry(ITEMS + 9, "失业保险金发放通知", "韩冬", idNumber, ORG_B, 1, "按月发放失业保险金。"));
        plant(entry(ITEMS + 10, "资格认证记录", "欧阳明远", null, ORG_B, 1, "养老金领取资格认证。"));
        search.commit(java.util.Map.of());
    }

    @AfterAll
    void close() {
        search.close();
    }

    private String plant(SearchEntry e) {
        search.index(e);
        planted.add(e);
        all.put(e.itemId(), e);
        return e.itemId().toString();
    }

    private SearchEntry random(int i) {
        String form = FORMS[random.nextInt(FORMS.length)];
        String name = SURNAMES[random.nextInt(SURNAMES.length)]
                + GIVEN[random.nextInt(GIVEN.length)]
                + (random.nextBoolean() ? GIVEN[random.nextInt(GIVEN.length)] : "");
        String org = random.nextInt(3) == 0 ? ORG_B : ORG_A;
        int clearance = 1 + random.nextInt(3);
        String cert = Samples.citizenId(1950 + random.nextInt(50));
        String text = "姓名" + name + " 公民身份号码" + cert + " " + form + "。参保人于" + (2000 + random.nextInt(24))
                + "年办理" + (random.nextBoolean() ? "养老保险" : "医疗保险") + "业务，缴费基数" + (3000 + random.nextInt(9000))
                + "元，经办机构审核通过。";
        return entry(i, form, name, cert, org, clearance, text);
    }

    private SearchEntry entry(int n, String title, String name, String cert, String org, int clearance, String text) {
        int year = 2000 + n % 24;
        String code = "0001-SB·%d-D30-01·GRCB-%05d".formatted(year, n);
        return new SearchEntry(
                new UUID(0, n),
                code,
                title,
                name,
                cert == null ? null : java.util.Arrays.copyOf(Sm3.hmac(key, cert.getBytes()), 32),
                null,
                null,
                "01",
                "GRCB",
                n % 2 == 0 ? "110" : "310",
                year,
                OffsetDateTime.of(year, 1 + n % 12, 1 + n % 28, 9, 0, 0, 0, ZoneOffset.ofHours(8)),
                org.equals(ORG_A) ? 2 : 3,
                org,
                clearance,
                org.equals(ORG_A) ? "甲县社保中心" : "乙县社保中心",
                "D30",
                "PRESERVED",
                "SL" + n,
                text,
                null,
                null,
                null);
    }

    private List<String> top10(String text, Scope scope) {
        var q = new SearchQuery(
                null, null, null, null, null, null, text, List.of(), null, null, null, null, null, 0, 10);
        return search.search(q, scope).page().content().stream()
                .map(h -> h.itemId().toString())
                .toList();
    }

    private long total(SearchQuery q, Scope scope) {
        return search.search(q, scope).page().total();
    }

    @Test
    void baoxianFindsBaoxianjin() {
        assertThat(top10("保险金", Scope.EVERYTHING)).contains(benefitItem, sensitiveItem);
        // "保险" also matches an item whose only occurrence is inside 保险金 (bigram recall)
        var q = new SearchQuery(
                null,
                null,
                all.get(UUID.fromString(benefitItem)).archiveCode(),
                null,
                null,
                null,
                "保险",
                List.of(),
                null,
                null,
                null,
                null,
                null,
                0,
                10);
        assertThat(search.search(q, Scope.EVERYTHING).page().content())
                .extracting(h -> h.itemId().toString())
                .contains(benefitItem);
        var hit = search
                .search(
                        new SearchQuery(
                                null, null, null, null, null, null, "保险金", List.of(), null, null, null, null, null, 0,
                                10),
                        Scope.EVERYTHING)
                .page()
                .content()
                .stream()
                .filter(h -> h.itemId().toString().equals(benefitItem))
                .findFirst()
                .orElseThrow();
        assertThat(hit.snippet()).contains("<mark>");
    }

    @Test
    void everyItemWithTheWordIsFoundAndNoOther() {
        // recall and precision over the whole corpus: the hits are exactly the items whose title or text holds
        // the word, in either script
        for (String[] q : new String[][] {{"養老", "养老", "養老"}, {"保险金", "保险金", "保險金"}}) {
            long expected = all.values().stream()
                    .filter(e -> (e.title() + e.text()).contains(q[1]) || (e.title() + e.text()).contains(q[2]))
                    .count();
            var query = new SearchQuery(
                    null, null, null, null, null, null, q[0], List.of(), null, null, null, null, null, 0, 10);
            var r = search.search(query, Scope.EVERYTHING);
            assertThat(r.page().total()).as(q[0]).isEqualTo(expected);
            for (var h : r.page().content()) {
                var e = all.get(h.itemId());
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
        var top = top10(idNumber, Scope.EVERYTHING);
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
            var q = new SearchQuery(
                    null, null, null, null, null, null, digit, List.of(), null, null, null, null, null, 0, 10);
            assertThat(total(q, Scope.EVERYTHING)).as(digit).isLessThan(ITEMS / 100);
        }
    }

    @Test
    void archiveCodeComesFirst() {
        String code = planted.stream()
                .filter(e -> e.itemId().toString().equals(codeItem))
                .findFirst()
                .orElseThrow()
                .archiveCode();
        assertThat(top10(code, Scope.EVERYTHING)).first().isEqualTo(codeItem);
    }

    @Test
    void nothingOutsideTheScopeAppears() {
        var countyA = new Scope(ORG_A, null, 3);
        var lowClearance = new Scope("/", null, 1);
        for (String text : List.of("保险金", "養老金領取資格認證", "oymy", idNumber, "养老保险", "失业")) {
            var q = new SearchQuery(
                    null, null, null, null, null, null, text, List.of(), null, null, null, null, null, 0, 100);
            for (var h : search.search(q, countyA).page().content()) {
                assertThat(orgOf(h.itemId())).as(text).isEqualTo(ORG_A);
            }
            for (var h : search.search(q, lowClearance).page().content()) {
                assertThat(clearanceOf(h.itemId())).as(text).isEqualTo(1);
            }
            // facet counts are scoped too
            long inA = search.search(q, countyA).page().total();
            long all = search.search(q, Scope.EVERYTHING).page().total();
            assertThat(inA).isLessThanOrEqualTo(all);
        }
        assertThat(top10("保险金", lowClearance)).contains(benefitItem).doesNotContain(sensitiveItem);
        var fondsOnly = new Scope("/", List.of(3L), 3);
        assertThat(top10(idNumber, fondsOnly)).doesNotContain(idHolderItem, idInTextItem);
    }

    @Test
    void facetsCountAllHitsAndDrillDown() {
        var q = new SearchQuery(
                null, null, null, null, null, null, "养老保险", List.of(), null, null, null, null, null, 0, 10);
        var r = search.search(q, Scope.EVERYTHING);
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

    @Test
    void noPersonalNumberIsInTheIndexInTheClear() throws Exception {
        search.commit(java.util.Map.of());
        var secrets = new ArrayList<String>(List.of(idNumber, "13912345678", "6222020200112233445"));
        try (var d = FSDirectory.open(dir);
                var reader = DirectoryReader.open(d)) {
            for (var info : org.apache.lucene.index.FieldInfos.getMergedFieldInfos(reader)) {
                var terms = MultiTerms.getTerms(reader, info.name);
                if (terms == null) {
                    continue;
                }
                var it = terms.iterator();
                BytesRef t;
                while ((t = it.next()) != null) {
                    String term = t.utf8ToString();
                    for (String s : secrets) {
                        assertThat(term).as("term of %s", info.name).doesNotContain(s);
                    }
                }
            }
            StoredFields stored = reader.storedFields();
            for (int doc = 0; doc < reader.maxDoc(); doc++) {
                for (var f : stored.document(doc).getFields()) {
                    String v = f.stringValue();
                    if (v != null) {
                        for (String s : secrets) {
                            assertThat(v).doesNotContain(s);
                        }
                    }
                }
            }
        }
    }

    private String orgOf(UUID id) {
        return all.get(id).orgPath();
    }

    private int clearanceOf(UUID id) {
        return all.get(id).clearance();
    }
}
