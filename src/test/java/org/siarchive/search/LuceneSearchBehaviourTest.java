package org.siarchive.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * The search behaviour on the embedded Lucene backend, 12,000 generated items; and, reading the index files
 * themselves, that no ID number, phone or bank account is in them in the clear.
 */
class LuceneSearchBehaviourTest extends SearchBehaviourSuite {

    @Override
    ArchiveSearch backend(Path dir, Function<String, byte @Nullable []> idIndex) {
        return new LuceneArchiveSearch(dir, idIndex);
    }

    @Override
    int items() {
        return 12_000;
    }

    @Test
    void noPersonalNumberIsInTheIndexInTheClear() throws Exception {
        commit(search, Map.of());
        var secrets = List.of(corpus.idNumber, "13912345678", "6222020200112233445");
        try (var d = FSDirectory.open(dir.resolve("index"));
                var reader = DirectoryReader.open(d)) {
            for (var info : FieldInfos.getMergedFieldInfos(reader)) {
                var terms = MultiTerms.getTerms(reader, info.name);
                if (terms == null) {
                    continue;
                }
                var it = terms.iterator();
                for (BytesRef t = it.next(); t != null; t = it.next()) {
                    String term = t.utf8ToString();
                    for (String s : secrets) {
                        assertThat(term).as("term of %s", info.name).doesNotContain(s);
                    }
                }
            }
            var stored = reader.storedFields();
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
}
