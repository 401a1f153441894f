package org.siarchive.search;

import java.time.Duration;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.siarchive.crypto.FieldCipher;
import org.siarchive.platform.DataDirectory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The search backend: {@code siarchive.search.backend=lucene} (default, an index under {@code data/search-index}),
 * {@code solr} (a SolrCloud collection, docs/adr/0132: {@code siarchive.search.solr.zk-hosts} or {@code .url},
 * {@code .collection}, {@code .shards}, {@code .replicas}, {@code .commit-within}) or {@code sql} (the derived
 * table, metadata and substring matching only).
 */
@Configuration(proxyBeanMethods = false)
class SearchConfiguration {

    @Bean(destroyMethod = "close")
    ArchiveSearch archiveSearch(
            @Value("${siarchive.search.backend:lucene}") String backend,
            DataDirectory data,
            JdbcClient jdbc,
            FieldCipher cipher,
            Environment env) {
        Function<String, byte @Nullable []> idIndex = v -> cipher.blindIndex(v, SearchIndexer.CERT_CONTEXT);
        return switch (backend) {
            case "lucene" -> new LuceneArchiveSearch(data.resolve("search-index"), idIndex);
            case "solr" -> solr(env, idIndex);
            case "sql" -> new SqlArchiveSearch(jdbc, cipher);
            default ->
                throw new IllegalArgumentException("siarchive.search.backend must be lucene, solr or sql: " + backend);
        };
    }

    /** Connects, makes the collection ready (configset, collection) and returns the backend on it. */
    static SolrArchiveSearch solr(Environment env, Function<String, byte @Nullable []> idIndex) {
        String collection = env.getProperty("siarchive.search.solr.collection", "siarchive");
        var client = SolrCollection.client(
                env.getProperty("siarchive.search.solr.zk-hosts"), env.getProperty("siarchive.search.solr.url"));
        SolrCollection.ensure(
                client,
                collection,
                env.getProperty("siarchive.search.solr.shards", Integer.class, 2),
                env.getProperty("siarchive.search.solr.replicas", Integer.class, 1));
        // "1s" or "PT1S", as Boot reads durations
        Duration within = org.springframework.boot.convert.DurationStyle.detectAndParse(
                env.getProperty("siarchive.search.solr.commit-within", "PT1S"));
        return new SolrArchiveSearch(client, collection, (int) within.toMillis(), idIndex);
    }
}
