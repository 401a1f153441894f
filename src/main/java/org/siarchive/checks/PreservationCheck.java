package org.siarchive.checks;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.siarchive.catalog.Catalog;
import org.siarchive.catalog.ItemRecord;
import org.siarchive.integrity.FixitySweeps;
import org.siarchive.preservation.AcceptedFormats;
import org.siarchive.preservation.LocalCopies;
import org.siarchive.preservation.Preservation;
import org.siarchive.shared.Actor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The long-term preservation check (长期保存环节, CQ) over the whole store or chosen items: for every
 * preserved item, its bytes re-hashed against the registered SM3/SHA-256 (CQ-1-1), its stored metadata
 * against the catalogue (CQ-1-11), its mandatory fields (CQ-2-4), every registered file present (CQ-2-7),
 * its OCFL object valid (CQ-2-10), its catalogue row readable (CQ-3-2), its formats archival (CQ-3-3),
 * and, with ClamAV installed, its content scanned (CQ-4-1/4-2). Items are checked in parallel, one per
 * core.
 */
@Component
public class PreservationCheck {

    private static final Logger log = LoggerFactory.getLogger(PreservationCheck.class);
    private static final int CHUNK = 50;

    private final FourPropertyChecks checks;
    private final Catalog catalog;
    private final FixitySweeps sweeps;
    private final Preservation preservation;
    private final VirusScanner scanner;
    private final AcceptedFormats acceptedFormats;
    private final RunProgress progress;
    private final ExecutorService workers;
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        var t = new Thread(r, "cq-check");
        t.setDaemon(true);
        return t;
    });

    PreservationCheck(
            FourPropertyChecks checks,
            Catalog catalog,
            FixitySweeps sweeps,
            Preservation preservation,
            VirusScanner scanner,
            AcceptedFormats acceptedFormats,
            RunProgress progress) {
        this.checks = checks;
        this.progress = progress;
        this.catalog = catalog;
        this.sweeps = sweeps;
        this.preservation = preservation;
        this.scanner = scanner;
        this.acceptedFormats = acceptedFormats;
        var n = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(), r -> {
            var t = new Thread(r, "cq-" + n.incrementAndGet());
            t.setDaemon(true);
            t.setPriority(Thread.MIN_PRIORITY);
            return t;
        });
    }

    @jakarta.annotation.PreDestroy
    void stop() {
        workers.shutdownNow();
        background.shutdownNow();
    }

    /** Starts a run in the background and returns its id (the console). */
    public long start(@Nullable List<UUID> items, Actor actor) {
        long id = open(items, actor);
        background.submit(() -> {
            try {
                complete(id, items, actor);
            } catch (RuntimeException e) {
                log.error("CQ check {} failed: {}", id, e.toString(), e);
            }
        });
        return id;
    }

    /** Runs to the end and returns the report (tests, commands). {@code items} null: every preserved item. */
    public FourPropertyChecks.Report run(@Nullable List<UUID> items, Actor actor) {
        return complete(open(items, actor), items, actor);
    }

    /** Opens the run with the number of records it will check; a run over one item names its 档号. */
    private long open(@Nullable List<UUID> items, Actor actor) {
        long id = checks.open(Stage.CQ, subject(items), actor);
        if (items == null) {
            var byStatus = catalog.counts(org.siarchive.shared.Scope.EVERYTHING).byStatus();
            progress.expect(id, byStatus.getOrDefault("PRESERVED", 0L).intValue());
        } else {
            progress.expect(id, items.size());
            if (items.size() == 1) {
                catalog.item(items.get(0)).ifPresent(i -> progress.checked(id, i.id(), i.archiveCode()));
            }
        }
        return id;
    }

    /** The subject of a run over every preserved item (the console words it in the reader's language). */
    static final String WHOLE_STORE = "全部已保存的件";

    private static String subject(@Nullable List<UUID> items) {
        return items == null ? WHOLE_STORE : items.size() + " 件";
    }

    private FourPropertyChecks.Report complete(long runId, @Nullable List<UUID> chosen, Actor actor) {
        var findings = checks.begin(Stage.CQ);
        if (chosen != null) {
            for (int i = 0; i < chosen.size(); i += CHUNK) {
                var last = checkChunk(chosen.subList(i, Math.min(chosen.size(), i + CHUNK)), findings);
                progress.advance(runId, findings.records(), findings.failures().size(), last);
            }
        } else {
            UUID after = null;
            while (true) {
                var ids = catalog.itemIdsAfter(after, CHUNK);
                if (ids.isEmpty()) {
                    break;
                }
                var last = checkChunk(ids, findings);
                progress.advance(runId, findings.records(), findings.failures().size(), last);
                after = ids.get(ids.size() - 1);
            }
        }
        return checks.finish(runId, findings, actor);
    }

    /** Checks a chunk of items into {@code into}; returns the 档号 of the last item checked. */
    private @Nullable String checkChunk(List<UUID> ids, Findings into) {
        var futures = ids.stream()
                .map(id -> CompletableFuture.supplyAsync(() -> checkItem(id, into.fork()), workers))
                .toList();
        var files = new LinkedHashMap<Path, VirusScanner.Owner>();
        var copies = new ArrayList<LocalCopies>();
        String last = null;
        try {
            for (var fut : futures) {
                var r = fut.join();
                into.addAll(r.findings());
                files.putAll(r.files());
                if (r.copies() != null) {
                    copies.add(r.copies());
                }
                last = r.code() == null ? last : r.code();
            }
            scanner.apply(into, CheckCatalog.CQ_AV_PRESENT, CheckCatalog.CQ_VIRUS, files);
        } finally {
            copies.forEach(LocalCopies::close); // an S3 store's temporary copies, once scanned
        }
        return last;
    }

    private record ItemOutcome(
            Findings findings,
            Map<Path, VirusScanner.Owner> files,
            @Nullable String code,
            @Nullable LocalCopies copies) {

        ItemOutcome(Findings findings, Map<Path, VirusScanner.Owner> files) {
            this(findings, files, null, null);
        }
    }

    private ItemOutcome checkItem(UUID id, Findings f) {
        var files = new LinkedHashMap<Path, VirusScanner.Owner>();
        ItemRecord item;
        try {
            item = catalog.requireItem(id);
        } catch (RuntimeException e) {
            f.record();
            f.fail(CheckCatalog.CQ_DATABASE, id, id.toString(), "目录记录无法读取：" + e.getMessage());
            return new ItemOutcome(f, files);
        }
        if (!item.preserved()) {
            return new ItemOutcome(f, files);
        }
        f.record();
        f.pass(CheckCatalog.CQ_DATABASE);
        String code = item.archiveCode();
        var found = sweeps.inspect(item);
        f.check(CheckCatalog.CQ_FIXITY, id, code, join(found, "CONTENT", "DIGEST_ROW"));
        f.check(CheckCatalog.CQ_SIDECAR, id, code, join(found, "SIDECAR"));
        f.check(CheckCatalog.CQ_CONTENT, id, code, join(found, "MISSING"));
        f.check(CheckCatalog.CQ_PACKAGE, id, code, join(found, "INVENTORY", "EXTRA"));
        f.check(CheckCatalog.CQ_REQUIRED, id, code, missingFields(item));
        var formats = new ArrayList<String>();
        for (var file : item.files()) {
            if (!acceptedFormats.acceptsMediaType(file.mediaType())) {
                formats.add(file.logicalPath() + "（" + file.formatName() + "）");
            }
        }
        f.check(CheckCatalog.CQ_FORMAT, id, code, formats.isEmpty() ? null : "不在归档格式清单内：" + String.join("、", formats));
        // the stored files as local files for the scanner: the store's own on disk, temporary copies from S3
        LocalCopies copies;
        try {
            copies = preservation.localCopies(item.objectId());
        } catch (RuntimeException e) {
            return new ItemOutcome(f, files, code, null); // a missing file is reported by CQ-2-7
        }
        for (var file : item.files()) {
            Path local = copies.files().get(file.logicalPath());
            if (local != null) {
                files.put(local, new VirusScanner.Owner(id, code));
            }
        }
        return new ItemOutcome(f, files, code, copies);
    }

    /** The findings of these kinds as the archivist reads them: logical path and what is wrong, in their language. */
    private @Nullable String join(List<FixitySweeps.Finding> found, String... kinds) {
        var list = List.of(kinds);
        var locale = org.springframework.context.i18n.LocaleContextHolder.getLocaleContext() == null
                ? java.util.Locale.SIMPLIFIED_CHINESE
                : org.springframework.context.i18n.LocaleContextHolder.getLocale();
        var mine = found.stream()
                .filter(x -> list.contains(x.kind()))
                .map(x -> sweeps.describe(x, locale))
                .toList();
        return mine.isEmpty() ? null : String.join("；", mine);
    }

    static @Nullable String missingFields(ItemRecord i) {
        var missing = new ArrayList<String>();
        need(missing, "档号", i.archiveCode());
        need(missing, "题名", i.title());
        need(missing, "责任者", i.responsible());
        need(missing, "保管期限", i.retentionCode());
        need(missing, "业务受理号", i.acceptanceNo());
        need(missing, "经办人", i.handler());
        need(missing, "经办机构", i.handlingAgency());
        need(missing, "类别", i.categoryCode());
        need(missing, "业务环节", i.stepCode());
        if (i.docDate() == null) {
            missing.add("日期");
        }
        if (i.files().isEmpty()) {
            missing.add("电子文件");
        }
        return missing.isEmpty() ? null : "缺少必填著录项目：" + String.join("、", missing);
    }

    private static void need(List<String> missing, String name, @Nullable String value) {
        if (value == null || value.isBlank()) {
            missing.add(name);
        }
    }
}
