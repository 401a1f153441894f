package org.siarchive.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.Terms;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.springframework.context.ApplicationContext;

/**
 * Test support: the search index as files on disk (issue 16, docs/adr/0070). Commits and expunges through
 * the application's own indexer, scans every file under the index directory for raw bytes, and reads the
 * term dictionaries of the last commit — a compressed block may hide raw bytes, the dictionary never does.
 */
public final class IndexFiles {

    private IndexFiles() {}

    /** Commits pending index writes, as the indexer's schedule would. */
    public static void commit(ApplicationContext context) {
        context.getBean(SearchIndexer.class).flush();
    }

    /** Expunges the removed documents now and commits (what the batched expunge does on its schedule). */
    public static boolean expunge(ApplicationContext context) {
        return context.getBean(DestroyedItems.class).expungeNow();
    }

    /** The files under {@code dir} holding any of the byte strings. */
    public static List<Path> filesContaining(Path dir, byte[]... needles) {
        var out = new ArrayList<Path>();
        for (Path p : org.siarchive.support.LiveFiles.regularFiles(dir)) {
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(p);
            } catch (java.nio.file.NoSuchFileException gone) {
                continue; // deleted by the writer while we walked
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            for (byte[] n : needles) {
                if (indexOf(bytes, n) >= 0) {
                    out.add(p);
                    break;
                }
            }
        }
        return out;
    }

    /** Whether any field of any segment of the last commit has {@code term} in its term dictionary. */
    public static boolean hasTerm(Path dir, String term) {
        try (var d = FSDirectory.open(dir);
                var reader = DirectoryReader.open(d)) {
            for (var leaf : reader.leaves()) {
                for (FieldInfo f : leaf.reader().getFieldInfos()) {
                    Terms terms = leaf.reader().terms(f.name);
                    if (terms != null && terms.iterator().seekExact(new BytesRef(term))) {
                        return true;
                    }
                }
            }
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * For a failure message: the last commit's segments (name, documents, deleted, which of the ids are live
     * there), the files on disk no commit names (held by an open reader), and the writer's pending state.
     */
    public static String describe(Path dir, java.util.UUID... ids) {
        var out = new StringBuilder();
        try (var d = FSDirectory.open(dir);
                var reader = DirectoryReader.open(d)) {
            var commit = reader.getIndexCommit();
            out.append("commit ")
                    .append(commit.getSegmentsFileName())
                    .append(' ')
                    .append(commit.getUserData());
            var named = new java.util.HashSet<>(commit.getFileNames());
            for (var leaf : reader.leaves()) {
                var segment = (org.apache.lucene.index.SegmentReader) leaf.reader();
                out.append("\n  ")
                        .append(segment.getSegmentName())
                        .append(" docs=")
                        .append(segment.maxDoc())
                        .append(" deleted=")
                        .append(segment.numDeletedDocs());
                for (var id : ids) {
                    var postings =
                            segment.postings(new org.apache.lucene.index.Term(LuceneDocuments.ID, id.toString()));
                    if (postings != null) {
                        var live = segment.getLiveDocs();
                        for (int doc = postings.nextDoc();
                                doc != org.apache.lucene.search.DocIdSetIterator.NO_MORE_DOCS;
                                doc = postings.nextDoc()) {
                            out.append(' ').append(id).append(live == null || live.get(doc) ? "(live)" : "(deleted)");
                        }
                    }
                }
            }
            try (var files = Files.list(dir)) {
                out.append("\n  files no commit names: ")
                        .append(files.map(p -> p.getFileName().toString())
                                .filter(f -> !named.contains(f) && !f.equals("write.lock"))
                                .sorted()
                                .toList());
            }
        } catch (IOException e) {
            out.append(" (").append(e).append(')');
        }
        return out.toString();
    }

    static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
