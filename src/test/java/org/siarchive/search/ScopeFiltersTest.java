package org.siarchive.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

/** The reader's clearance and fonds filters are recognised as scope filters and always cached (docs/adr/0123). */
class ScopeFiltersTest {

    @Test
    void recognisesTheClearanceAndFondsFiltersOnly() {
        assertThat(ScopeFilters.isScopeFilter(IntPoint.newRangeQuery("clearance", Integer.MIN_VALUE, 2)))
                .isTrue();
        assertThat(ScopeFilters.isScopeFilter(new TermInSetQuery("fonds", List.of(new BytesRef("7")))))
                .isTrue();
        assertThat(ScopeFilters.isScopeFilter(IntPoint.newRangeQuery("year", 2000, 2010)))
                .isFalse();
        assertThat(ScopeFilters.isScopeFilter(new TermQuery(new Term("b", "保险"))))
                .isFalse();
        assertThat(ScopeFilters.isScopeFilter(new PrefixQuery(new Term("code_sfx", "0001"))))
                .isFalse();
    }
}
