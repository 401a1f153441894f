package org.siarchive.search;

import org.siarchive.crypto.FieldCipher;
import org.siarchive.platform.DataDirectory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The search backend: {@code siarchive.search.backend=lucene} (default, an index under
 * {@code data/search-index}) or {@code sql} (the derived table, metadata and substring matching only).
 */
@Configuration(proxyBeanMethods = false)
class SearchConfiguration {

    @Bean(destroyMethod = "close")
    ArchiveSearch archiveSearch(
            @Value("${siarchive.search.backend:lucene}") String backend,
            DataDirectory data,
            JdbcClient jdbc,
            FieldCipher cipher) {
        return switch (backend) {
            case "lucene" ->
                new LuceneArchiveSearch(
                        data.resolve("search-index"), v -> cipher.blindIndex(v, SearchIndexer.CERT_CONTEXT));
            case "sql" -> new SqlArchiveSearch(jdbc, cipher);
            default -> throw new IllegalArgumentException("siarchive.search.backend must be lucene or sql: " + backend);
        };
    }
}
