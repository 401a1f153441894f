package org.siarchive.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.request.QueryRequest;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * The search behaviour on SolrCloud: two Solr nodes and ZooKeeper in this JVM, a collection of two shards made by
 * the application at start. The corpus is 4,000 generated items (the Lucene run has 12,000): every assertion keeps
 * its meaning at that size (the rarest word still has dozens of hits, a digit query stays under 1 % of the items)
 * and the suite stays within about a minute and a half on two cores. Also reads the collection's terms (Solr's terms
 * component): no ID number, phone or bank account is indexed in the clear, nor stored.
 */
class SolrSearchBehaviourIT extends SearchBehaviourSuite {

    private @Nullable SolrTestCluster cluster;

    @Override
    ArchiveSearch backend(Path dir, Function<String, byte @Nullable []> idIndex) {
        try {
            if (cluster == null) {
                cluster = new SolrTestCluster(Files.createDirectories(dir.resolveSibling("solr")));
            }
            return cluster.backend(dir.getFileName().toString(), idIndex);
        } catch (Exception e) {
            throw new IllegalStateException("SolrCloud did not start", e);
        }
    }

    @Override
    int items() {
        return 4_000;
    }

    @Override
    void stopped() {
        try {
            if (cluster != null) {
                cluster.close();
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void noPersonalNumberIsInTheIndexInTheClear() throws Exception {
        var solr = (SolrArchiveSearch) search;
        solr.refresh();
        var secrets = List.of(corpus.idNumber, "13912345678", "6222020200112233445");
        var terms = new SolrQuery();
        terms.setRequestHandler("/terms");
        terms.set("terms.fl", "w", "b", "code_g3", "name", "name_py", "name_ini", "cert", "credit", "acceptance");
        terms.set("terms.regex", ".*(" + String.join("|", secrets) + ").*");
        terms.set("terms.limit", -1);
        var found = solr.request(new QueryRequest(terms));
        assertThat(found.getTermsResponse().getTermMap().values())
                .allSatisfy(t -> assertThat(t).isEmpty());
        // the digits themselves are in the index, so the regular expression can find terms (the phone's masked form)
        terms.set("terms.regex", ".*5678.*");
        assertThat(solr.request(new QueryRequest(terms)).getTermsResponse().getTerms("b"))
                .isNotEmpty();
        var stored = new SolrQuery("*:*");
        stored.setFields("*");
        stored.setRows(corpus.all.size() + 100);
        var docs = solr.request(new QueryRequest(stored)).getResults();
        assertThat(docs.getNumFound()).isGreaterThanOrEqualTo(corpus.all.size());
        for (var doc : docs) {
            for (var value : doc.values()) {
                for (String s : secrets) {
                    assertThat(String.valueOf(value)).doesNotContain(s);
                }
            }
        }
    }
}
