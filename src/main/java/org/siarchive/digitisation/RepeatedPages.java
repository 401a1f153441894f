package org.siarchive.digitisation;

import java.io.IOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.siarchive.preservation.Fixity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Repeated pages, once a batch's pages are processed (docs/adr/0063): each page is looked up by its content
 * digest and by the four bands of its pHash (indexed), never by a scan of every page; a candidate within
 * Hamming distance 7 (probing each band and its one-bit neighbours) is confirmed on the two masters ({@link MasterComparison}). A page repeating an earlier
 * page of its own batch is flagged {@link ImageQc#DUPLICATE}; a page repeating a page of another batch is
 * recorded in {@code scan_page_repeat} and shown with its item as a suspected duplicate.
 */
@Component
class RepeatedPages {

    private static final Logger log = LoggerFactory.getLogger(RepeatedPages.class);

    /** Candidates per page and lookup (pages of one form template share their pHash bands). */
    static final int MAX_CANDIDATES = 50;

    /**
     * A processed page as the lookup needs it; {@code distance} is to the page looked up, {@code sheet} its
     * prepared master ({@link MasterComparison#encode}) once a lookup has needed it.
     */
    record Page(
            long id,
            UUID batchId,
            int seq,
            String path,
            String sha256,
            long phash,
            float skew,
            int distance,
            byte @Nullable [] sheet) {}

    private static final String PAGE =
            """
            select q.id, q.batch_id, q.seq, q.path, q.sha256, q.phash, coalesce(q.skew, 0) as skew,
                   bit_count((q.phash # :ph)::bit(64))::int as distance, q.sheet
            from scan_page q left join scan_item i on i.id = q.item_id
            where q.status = 'DONE' and q.superseded_at is null and q.phash is not null and q.cover_code is null and coalesce(q.ink, 1) >= 0.003
              and (i.status is null or i.status <> 'DISCARDED') and i.destroyed_at is null
            """;

    private final JdbcClient jdbc;
    private final ScanBatches batches;

    RepeatedPages(JdbcClient jdbc, ScanBatches batches) {
        this.jdbc = jdbc;
        this.batches = batches;
    }

    /** Flags repeats inside the batch and records repeats of other batches' pages; in the caller's transaction. */
    void check(UUID batch) {
        var pages = jdbc.sql(PAGE + " and q.batch_id = :b order by q.seq")
                .param("ph", 0L)
                .param("b", batch)
                .query(Page.class)
                .list();
        var sheets = new Sheets();
        for (var p : pages) {
            var same = first(p, candidates(p, true), sheets);
            if (same != null) {
                jdbc.sql(
                                """
                        update scan_page set flags = case when flags = '' then :f else flags || ',' || :f end
                        where id = :id and position(:f in flags) = 0
                        """)
                        .param("f", ImageQc.DUPLICATE)
                        .param("id", p.id())
                        .update();
            }
            var other = first(p, candidates(p, false), sheets);
            if (other != null) {
                jdbc.sql(
                                """
                        insert into scan_page_repeat (page_id, earlier_id, kind, distance) values (:p, :e, :k, :d)
                        on conflict do nothing
                        """)
                        .param("p", p.id())
                        .param("e", other.id())
                        .param("k", Fixity.sameDigest(other.sha256(), p.sha256()) ? "DIGEST" : "PHASH")
                        .param("d", other.distance())
                        .update();
            }
        }
    }

    /** Earlier pages of the same batch, or pages of other batches: same digest, or a shared band and near. */
    private List<Page> candidates(Page p, boolean sameBatch) {
        return jdbc.sql(PAGE
                        + """
                  and q.id <> :id
                  and (q.sha256 = :sha
                       or ((q.phash_b0 = any(:b0) or q.phash_b1 = any(:b1) or q.phash_b2 = any(:b2) or q.phash_b3 = any(:b3))
                           and bit_count((q.phash # :ph)::bit(64)) <= :max))
                """
                        + (sameBatch ? " and q.batch_id = :b and q.seq < :seq" : " and q.batch_id <> :b")
                        + " order by (q.sha256 = :sha) desc, distance, q.id desc limit " + MAX_CANDIDATES)
                .param("ph", p.phash())
                .param("id", p.id())
                .param("sha", p.sha256())
                .param("b0", PageBands.probes(p.phash(), 0))
                .param("b1", PageBands.probes(p.phash(), 1))
                .param("b2", PageBands.probes(p.phash(), 2))
                .param("b3", PageBands.probes(p.phash(), 3))
                .param("max", PageBands.MAX_DISTANCE)
                .param("b", p.batchId())
                .param("seq", p.seq())
                .query(Page.class)
                .list();
    }

    /** The first candidate that is the same sheet: the same bytes, or confirmed on the masters. */
    private @Nullable Page first(Page p, List<Page> candidates, Sheets sheets) {
        for (var c : candidates) {
            if (Fixity.sameDigest(c.sha256(), p.sha256())) {
                return c;
            }
            var a = sheets.of(p);
            var other = sheets.of(c);
            if (a != null && other != null && MasterComparison.sameSheet(a, other)) {
                return c;
            }
        }
        return null;
    }

    /**
     * Masters prepared for comparison: read from the page's row, or prepared from the master file once and
     * stored there; the last few kept in memory, as a page is compared with several candidates.
     */
    private final class Sheets {

        private final Map<Long, MasterComparison.@Nullable Sheet> cache = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, MasterComparison.@Nullable Sheet> eldest) {
                return size() > 8;
            }
        };

        MasterComparison.@Nullable Sheet of(Page p) {
            if (cache.containsKey(p.id())) {
                return cache.get(p.id());
            }
            MasterComparison.Sheet sheet = null;
            var file = batches.dir(p.batchId()).resolve(p.path());
            try {
                if (p.sheet() != null) {
                    sheet = MasterComparison.decode(p.sheet());
                } else if (Files.isRegularFile(file)) {
                    sheet = MasterComparison.read(file, p.skew());
                    jdbc.sql("update scan_page set sheet = :s where id = :id")
                            .param("s", MasterComparison.encode(sheet))
                            .param("id", p.id())
                            .update();
                }
            } catch (IOException | java.util.zip.DataFormatException | RuntimeException e) {
                log.warn(
                        "page {} of batch {} could not be read for comparison: {}", p.seq(), p.batchId(), e.toString());
            }
            cache.put(p.id(), sheet);
            return sheet;
        }
    }
}
