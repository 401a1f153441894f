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
 * the application at start (the corpus's through ZooKeeper, the fresh index's through a node's URL alone). The corpus
 * is the Lucene run's, 12,000 generated items; the suite took 24 s on two cores at a load average of 2–3 (with 4,000
 * items, 36–55 s at a load of 9). Also reads the collection's terms (Solr's terms component) and every stored field: no ID
 * number, phone or bank account is indexed or stored in the clear.
 */
class SolrSearchBehaviourIT extends SearchBehaviourSuite {

    private @Nullable SolrTestCluster cluster;

    @Override
    ArchiveSearch backend(Path dir, Function<String, byte @Nullable []> idIndex) {
        try {
            if (cluster == null) {
                cluster = new SolrTestCluster(Files.createDirectories(dir.resolveSibling("solr")));
            }
            String name = dir.getFileName().toString();
            // the corpus's collection is made through ZooKeeper, the suite's second one through a node's URL
            return name.equals("index") ? cluster.backend(name, idIndex) : cluster.backendOverHttp(name, idIndex);
        } catch (Exception e) {
            throw new IllegalStateException("SolrCloud did not start", e);
        }
    }

    @Override
    int items() {
        return 12_000;
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

    @Test
    void theApplicationsSettingsMakeTheCollectionAndMoveItOntoTheLayoutsConfigset() throws Exception {
        // given the settings of siarchive.search.backend=solr, when the backend starts, the collection is made
        var env = new org.springframework.mock.env.MockEnvironment()
                .withProperty("siarchive.search.solr.zk-hosts", cluster.zkHosts())
                .withProperty("siarchive.search.solr.collection", "siarchive_settings")
                .withProperty("siarchive.search.solr.commit-within", "PT0.5S");
        try (var made = SearchConfiguration.solr(env, corpus::idIndex)) {
            assertThat(made.needsRebuild()).isTrue();
            assertThat(made.size()).isZero();
        }
        assertThat(cluster.configOf("siarchive_settings")).isEqualTo(SolrCollection.configName("siarchive_settings"));
        // given the collection on another configset (an older layout's), when the backend starts, it is moved back
        try (var client = SolrCollection.client(cluster.zkHosts(), null)) {
            org.apache.solr.client.solrj.request.CollectionAdminRequest.modifyCollection(
                            "siarchive_settings",
                            java.util.Map.of("collection.configName", SolrCollection.configName("siarchive_index")))
                    .process(client);
        }
        assertThat(cluster.configOf("siarchive_settings")).isEqualTo(SolrCollection.configName("siarchive_index"));
        SearchConfiguration.solr(env, corpus::idIndex).close();
        assertThat(cluster.configOf("siarchive_settings")).isEqualTo(SolrCollection.configName("siarchive_settings"));
    }
}
