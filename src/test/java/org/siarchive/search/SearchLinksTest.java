package org.siarchive.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.siarchive.shared.Page;

class SearchLinksTest {

    private static SearchQuery query(String text, List<String> within) {
        return new SearchQuery(null, null, null, null, 2024, null, text, within, null, null, null, null, null, 0, 20);
    }

    @Test
    void anOrdinarySearchBecomesABookmarkableLink() {
        var links = new SearchLinks(query("养老保险待遇", List.of("参保登记")));
        assertThat(links.page(0)).startsWith("/search?q=").contains("within=").contains("year=2024");
        var view = links.view(new Page<>(List.of(), 0, 20, 100));
        assertThat(view.post()).isFalse();
        assertThat(view.next()).contains("page=1");
        assertThat(view.xlsx()).startsWith("/search/export?");
    }

    @Test
    void aSearchWhoseLinkWouldOverflowTheHeaderStaysAPost() {
        String hundred = String.join("", Collections.nCopies(100, "养"));
        var links = new SearchLinks(query(hundred, Collections.nCopies(10, hundred)));
        assertThat(links.page(0)).isNull();
        assertThat(links.export("xlsx")).isNull();
        var view = links.view(new Page<>(List.of(), 0, 20, 100));
        assertThat(view.post()).isTrue();
        assertThat(view.next()).isNull();
    }

    @Test
    void aModestSearchKeepsItsExportLink() {
        // 45 characters of 9 encoded bytes each per text: about 800 bytes, inside the bound
        String text = String.join("", Collections.nCopies(45, "保"));
        var links = new SearchLinks(query(text, List.of(text)));
        assertThat(links.export("pdf")).isNotNull().hasSizeLessThan(SearchLinks.MAX_LINK);
    }
}
