package org.siarchive.search;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.siarchive.crypto.Sm3;
import org.siarchive.support.Samples;

/**
 * The behaviour suite's items: a generated corpus with recognised text, spread over two county organisations and
 * three 密级, plus planted cases (保险金 only in a text, traditional script, a compound surname, one ID number as
 * holder and inside a text, out-of-scope twins in county B) and the typed-档号 items of a third organisation.
 */
final class SearchCorpus {

    static final String[] FORMS = {
        "城镇职工基本养老保险参保缴费凭证", "养老保险待遇核定表", "失业登记表", "工伤认定申请表", "医疗保险参保登记表",
        "个人账户对账单", "社会保险关系转移接续申请表", "参保单位缴费基数申报表", "离退休人员基本信息表", "养老保险个人账户转移表"
    };
    static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡"};
    static final String[] GIVEN = {"伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超"};
    static final String ORG_A = "/1/2/";
    static final String ORG_B = "/1/3/";
    /** The typed-档号 items' organisation: searched in its own scope, apart from the corpus. */
    static final String ORG_CODES = "/9/";

    static final String CODE = "0001-SB·2024-D30-02·GRCB-0002";
    static final String OTHER = "0001-SB·2024-D30-02·TXSL-0020";

    final byte[] key = "search-quality-test-index-key-32".getBytes(StandardCharsets.UTF_8);
    final Random random = new Random(20261129);
    final Map<UUID, SearchEntry> all = new HashMap<>();
    final List<SearchEntry> planted = new ArrayList<>();
    final int items;
    final String idNumber = Samples.citizenId(1958);

    SearchCorpus(int items) {
        this.items = items;
    }

    byte @Nullable [] idIndex(String idNumber) {
        return Arrays.copyOf(Sm3.hmac(key, idNumber.getBytes(StandardCharsets.UTF_8)), 32);
    }

    /** The generated items, in order. */
    List<SearchEntry> generated() {
        var out = new ArrayList<SearchEntry>();
        for (int i = 0; i < items; i++) {
            var e = random(i);
            all.put(e.itemId(), e);
            out.add(e);
        }
        return out;
    }

    /** An item written into the index as one of the planted cases. */
    SearchEntry plant(SearchEntry e) {
        planted.add(e);
        all.put(e.itemId(), e);
        return e;
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

    SearchEntry entry(int n, String title, String name, @Nullable String cert, String org, int clearance, String text) {
        int year = 2000 + n % 24;
        String code = "0001-SB·%d-D30-01·GRCB-%05d".formatted(year, n);
        return new SearchEntry(
                new UUID(0, n),
                code,
                title,
                name,
                cert == null ? null : idIndex(cert),
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

    /** The typed-档号 cases: the wanted code, another sharing digits, and 57 codes of another fonds. */
    List<SearchEntry> typedCodes() {
        var out = new ArrayList<SearchEntry>();
        out.add(codeItem(new UUID(1, 1), CODE, "参保登记表"));
        out.add(codeItem(new UUID(1, 2), OTHER, "退休待遇申领表"));
        for (int i = 3; i < 60; i++) {
            out.add(codeItem(new UUID(1, i), "0002-SB·2023-D10-01·DWDJ-%04d".formatted(i), "单位登记表"));
        }
        out.forEach(e -> all.put(e.itemId(), e));
        return out;
    }

    private static SearchEntry codeItem(UUID id, String code, String title) {
        var e = TypedArchiveCodeSearchTest.entry(id, code, title);
        return new SearchEntry(
                e.itemId(),
                e.archiveCode(),
                e.title(),
                e.personName(),
                e.certNoIndex(),
                e.employerName(),
                e.creditCode(),
                e.categoryCode(),
                e.stepCode(),
                e.insuranceType(),
                e.year(),
                e.handledAt(),
                e.fondsId(),
                ORG_CODES,
                e.clearance(),
                e.organisation(),
                e.retentionCode(),
                e.status(),
                e.acceptanceNo(),
                e.text(),
                e.responsible(),
                e.docDate(),
                e.pageCount());
    }
}
