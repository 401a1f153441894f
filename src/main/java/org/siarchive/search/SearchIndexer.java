package org.siarchive.search;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.siarchive.catalog.Catalog;
import org.siarchive.catalog.ItemCaptured;
import org.siarchive.catalog.ItemCorrected;
import org.siarchive.crypto.FieldCipher;
import org.siarchive.shared.NodeLocal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps the index in step with the catalogue. Listeners run after the catalogue transaction commits,
 * from persisted event publications. The index (Lucene or Solr) is committed every couple of seconds with a
 * watermark (the time of the previous commit, less a margin); at start-up every item changed since the
 * watermark is indexed again, which makes good what a crash between indexing and committing lost. A
 * full rebuild (new index layout, or an empty index beside a non-empty catalogue) runs in the background
 * in pages of 500, committing its cursor with each page, so it resumes where a restart interrupted it and
 * never holds more than a page in memory.
 */
@Component
class SearchIndexer implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(SearchIndexer.class);
    static final String CERT_CONTEXT = "search.cert_no";
    static final String WATERMARK = "watermark";
    static final String CURSOR = "rebuild-cursor";
    static final int PAGE = 500;
    /** How far before the previous commit the catch-up starts (listeners that were still running then). */
    static final java.time.Duration MARGIN = java.time.Duration.ofMinutes(5);

    private final Catalog catalog;
    private final ArchiveSearch search;
    private final FieldCipher cipher;
    private final ObjectProvider<RecognisedTexts> recognised;
    private final AtomicBoolean rebuilding = new AtomicBoolean();
    private final java.util.concurrent.atomic.AtomicLong rebuilt = new java.util.concurrent.atomic.AtomicLong();
    private volatile long rebuildTotal;
    private volatile java.time.Duration pace = java.time.Duration.ZERO;
    private volatile OffsetDateTime lastCommit = OffsetDateTime.now();

    SearchIndexer(
            Catalog catalog, ArchiveSearch search, FieldCipher cipher, ObjectProvider<RecognisedTexts> recognised) {
        this.catalog = catalog;
        this.search = search;
        this.cipher = cipher;
        this.recognised = recognised;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (search.needsRebuild()
                || (search.size() == 0 && !catalog.itemIdsAfter(null, 1).isEmpty())) {
            if (rebuilding.compareAndSet(false, true)) {
                background();
            }
        } else if (search instanceof CommittedIndex index) {
            catchUp(index);
        }
    }

    private void catchUp(CommittedIndex index) {
        String mark = index.userData().get(WATERMARK);
        if (mark == null) {
            return;
        }
        long n = 0;
        UUID after = null;
        var since = OffsetDateTime.parse(mark);
        while (true) {
            var ids = catalog.itemIdsUpdatedSince(since, after, PAGE);
            if (ids.isEmpty()) {
                break;
            }
            ids.forEach(this::reindex);
            n += ids.size();
            after = ids.get(ids.size() - 1);
        }
        flush();
        if (n > 0) {
            log.info("search index: {} items changed since {} indexed again", n, since);
        }
    }

    @ApplicationModuleListener
    void on(ItemCaptured event) {
        reindex(event.itemId());
    }

    /** A group commit's captures, one publication for the group (docs/adr/0127). */
    @ApplicationModuleListener
    void on(org.siarchive.catalog.ItemsCaptured event) {
        event.forEach(this::reindex);
    }

    @ApplicationModuleListener
    void on(ItemCorrected event) {
        reindex(event.itemId());
    }

    /** Text recognised elsewhere (a scanned item's OCR) now belongs to the item: ADR 0045. */
    @ApplicationModuleListener
    void on(RecognisedTexts.Changed event) {
        reindex(event.itemId());
    }

    /** Commits the index when it has unsaved writes (Lucene and Solr; SQL writes are transactional). */
    @Scheduled(initialDelayString = "PT2S", fixedDelayString = "${siarchive.search.commit-interval:PT2S}")
    @NodeLocal("commits what this node wrote: its own Lucene index, or its updates to the SolrCloud collection")
    void flush() {
        if (search instanceof CommittedIndex index && index.hasPendingWrites() && !rebuilding.get()) {
            var now = OffsetDateTime.now();
            var data = new HashMap<String, String>();
            data.put(WATERMARK, lastCommit.minus(MARGIN).toString());
            index.commit(data);
            lastCommit = now;
        } else if (search instanceof CommittedIndex index) {
            index.refresh();
        }
    }

    /** Expunges removed documents from the segment files and commits (docs/adr/0070); false while rebuilding. */
    synchronized boolean expunge() {
        if (search instanceof CommittedIndex index && !rebuilding.get()) {
            index.expungeDeletes();
            flush();
            index.refresh(); // the reader still open on the rewritten segments keeps their files: release it now
        }
        return !rebuilding.get();
    }

    /**
     * Writes the item's description to the index, or removes it once destroyed. The state is read again
     * after the write: a destruction committing in between had its removal run first (removals run after the
     * destruction commits, so either the removal follows the write or this second read sees the destruction).
     */
    void reindex(UUID itemId) {
        var found = catalog.item(itemId);
        if (found.isPresent() && found.get().state() == org.siarchive.catalog.ItemState.DESTROYED) {
            search.remove(itemId); // a catch-up or rebuild never adds a destroyed item back
            return;
        }
        found.filter(i -> i.preserved()).ifPresent(i -> {
            var scope = catalog.scopeAttributes(itemId);
            search.index(SearchEntry.of(i, scope, cipher.blindIndex(i.certNo(), CERT_CONTEXT), recognisedText(itemId)));
            if (catalog.destroyed(itemId)) {
                search.remove(itemId); // destroyed after the read above: its own removal may have run first
            }
        });
    }

    /** The item's recognised text from every module that keeps some (none: no text). */
    private @Nullable String recognisedText(UUID itemId) {
        var texts = recognised
                .orderedStream()
                .map(r -> r.ofItem(itemId))
                .flatMap(java.util.Optional::stream)
                .toList();
        return texts.isEmpty() ? null : String.join("\n", texts);
    }

    RebuildProgress rebuildProgress() {
        boolean running = rebuilding.get();
        long total = rebuildTotal;
        return new RebuildProgress(running, Math.min(rebuilt.get(), Math.max(total, 0)), total);
    }

    /** Starts a full rebuild in the background (an administrator's 重建索引); false while one runs already. */
    boolean startRebuild() {
        if (!rebuilding.compareAndSet(false, true)) {
            return false;
        }
        background();
        return true;
    }

    /** Test hook: how long each item waits, so a poll can watch the counts advance. */
    void pace(java.time.Duration pace) {
        this.pace = pace;
    }

    private void background() {
        var t = new Thread(this::rebuildQuietly, "search-rebuild");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }

    private void rebuildQuietly() {
        try {
            long n = rebuildHeld();
            log.info("search index rebuilt: {} items", n);
        } catch (RuntimeException e) {
            log.error("search index rebuild stopped: {}", e.toString(), e);
        }
    }

    /**
     * Rebuilds the whole index from the catalogue in pages, resuming after the committed cursor of an
     * interrupted rebuild. Returns the number of items visited.
     */
    long rebuild() {
        if (!rebuilding.compareAndSet(false, true)) {
            return 0;
        }
        return rebuildHeld();
    }

    /** The rebuild itself, by the one caller that set {@code rebuilding}, which it clears at the end. */
    private long rebuildHeld() {
        try {
            rebuilt.set(0);
            rebuildTotal = catalog.counts(org.siarchive.shared.Scope.EVERYTHING).items();
            var started = OffsetDateTime.now();
            UUID after = null;
            if (search instanceof CommittedIndex index && index.userData().get(CURSOR) != null) {
                String c = index.userData().get(CURSOR);
                after = c.isEmpty() ? null : UUID.fromString(c);
                log.info("search index rebuild resumes after {}", c);
            } else {
                search.clear();
                checkpoint(started, "");
            }
            long n = 0;
            while (true) {
                List<UUID> ids = catalog.itemIdsAfter(after, PAGE);
                if (ids.isEmpty()) {
                    break;
                }
                for (UUID id : ids) {
                    reindex(id);
                    n++;
                    rebuilt.incrementAndGet();
                    paced();
                }
                after = ids.get(ids.size() - 1);
                checkpoint(started, after.toString());
            }
            checkpoint(started, null);
            return n;
        } finally {
            rebuilding.set(false);
        }
    }

    /** Commits the rebuild's progress; a null cursor ends the rebuild (the watermark covers changes since). */
    private void checkpoint(OffsetDateTime started, @Nullable String cursor) {
        if (search instanceof CommittedIndex index) {
            Map<String, String> data = new HashMap<>();
            data.put(WATERMARK, started.minus(MARGIN).toString());
            if (cursor != null) {
                data.put(CURSOR, cursor);
            }
            index.commit(data);
            lastCommit = OffsetDateTime.now();
        }
    }

    private void paced() {
        if (!pace.isZero()) {
            try {
                Thread.sleep(pace.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    boolean rebuilding() {
        return rebuilding.get();
    }
}
