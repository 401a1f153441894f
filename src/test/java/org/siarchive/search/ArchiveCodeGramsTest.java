package org.siarchive.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.siarchive.catalog.ArchiveCodeInput;
import org.siarchive.shared.Scope;

/**
 * The 档号 grams (docs/adr/0128) find exactly the codes whose key contains the typed key — the rule of {@link
 * ArchiveCodeInput#matches} — for fragments of every length, typed with other separators and full-width forms, at
 * the start, the middle and the end of a code, and for fragments no code has. Codes are drawn from a small alphabet,
 * so fragments recur across codes and grams repeat inside one code.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ArchiveCodeGramsTest {

    @TempDir
    static Path dir;

    LuceneArchiveSearch search;
    final List<String> codes = new ArrayList<>();
    final Random random = new Random(128);

    @BeforeAll
    void index() {
        search = new LuceneArchiveSearch(dir, v -> null);
        for (int i = 0; i < 300; i++) {
            String code = "%s-%s·%d-D%s-%s·%s-%s"
                    .formatted(
                            pick("0001", "0002", "0010"),
                            pick("SB", "BS"),
                            2020 + random.nextInt(3),
                            pick("10", "30", "100"),
                            pick("01", "10"),
                            pick("GRCB", "DWDJ", "CBCB"),
                            "%04d".formatted(random.nextInt(40)));
            codes.add(code);
            search.index(TypedArchiveCodeSearchTest.entry(new UUID(0, i), code, "参保登记表"));
        }
        search.commit(java.util.Map.of());
    }

    @AfterAll
    void close() {
        search.close();
    }

    @Test
    void aTypedFragmentFindsExactlyTheCodesThatContainIt() {
        for (int round = 0; round < 1_500; round++) {
            String typed = round % 10 == 9 ? noise() : fragment(codes.get(random.nextInt(codes.size())));
            if (ArchiveCodeInput.key(typed).isEmpty()) {
                continue;
            }
            var expected = new TreeSet<UUID>();
            for (int i = 0; i < codes.size(); i++) {
                if (ArchiveCodeInput.matches(codes.get(i), typed)) {
                    expected.add(new UUID(0, i));
                }
            }
            var result = search.search(query(typed), Scope.EVERYTHING);
            assertThat(result.page().total()).as("hits for %s", typed).isEqualTo(expected.size());
            if (expected.size() <= 100) {
                assertThat(Set.copyOf(ids(result))).as("codes for %s", typed).isEqualTo(expected);
            }
        }
    }

    /** A piece of the code, 1 to all of its characters, typed with other separators, sometimes full-width. */
    private String fragment(String code) {
        int from = random.nextInt(code.length());
        int to = from + 1 + random.nextInt(code.length() - from);
        var typed = new StringBuilder();
        for (char c : code.substring(from, to).toCharArray()) {
            boolean separator = c == '-' || c == '·';
            char out = separator ? "-.· _／".charAt(random.nextInt(6)) : c;
            if (!separator && random.nextInt(5) == 0 && out >= '0' && out <= 'Z') {
                out = (char) (out - 0x20 + 0xFF00); // the full-width form
            }
            typed.append(random.nextInt(4) == 0 && Character.isLetter(out) ? Character.toLowerCase(out) : out);
        }
        return typed.toString();
    }

    private String noise() {
        return pick("GRCB-0099", "ZZ", "2024", "D10-10·GRCB", "SB-2020-D30-01-X", "0001-SB·2019", "Q");
    }

    private String pick(String... options) {
        return options[random.nextInt(options.length)];
    }

    private static List<UUID> ids(SearchResults r) {
        return r.page().content().stream().map(SearchHit::itemId).toList();
    }

    private static SearchQuery query(String code) {
        return new SearchQuery(
                null, null, code, null, null, null, null, List.of(), null, null, null, null, null, 0, 100);
    }
}
