package org.siarchive.digitisation;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.siarchive.audit.AuditTrail;
import org.siarchive.catalog.Catalog;
import org.siarchive.crypto.FieldCipher;
import org.siarchive.shared.Actor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Works through pending pages in the background: analyse, check, read (OCR on the pool), and store each
 * page's result in its own transaction, so a restart resumes where it stopped and a page is never
 * counted twice. When a batch has no pending page left, its batch-level checks run (duplicates, missing
 * pages), each item gets its suggestions, and the QC sample is drawn.
 */
@Component
class BatchWorker {

    private static final Logger log = LoggerFactory.getLogger(BatchWorker.class);
    static final Actor WORKER = new Actor("digitisation", null, "127.0.0.1", "siarchive batch worker");

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final ScanBatches batches;
    private final OcrPool ocr;
    private final FieldCipher cipher;
    private final AuditTrail audit;
    private final Catalog catalog;
    private final ImageQc qc = ImageQc.DEFAULTS;
    private final AtomicBoolean running = new AtomicBoolean();
    private final java.util.concurrent.ExecutorService analysers;

    BatchWorker(
            JdbcClient jdbc,
            TransactionTemplate tx,
            ScanBatches batches,
            OcrPool ocr,
            FieldCipher cipher,
            AuditTrail audit,
            Catalog catalog) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.batches = batches;
        this.ocr = ocr;
        this.cipher = cipher;
        this.audit = audit;
        this.catalog = catalog;
        var n = new java.util.concurrent.atomic.AtomicInteger();
        this.analysers = java.util.concurrent.Executors.newFixedThreadPool(ocr.workers(), r -> {
            var t = new Thread(r, "scan-qc-" + n.incrementAndGet());
            t.setDaemon(true);
            t.setPriority(Thread.MIN_PRIORITY);
            return t;
        });
    }

    @jakarta.annotation.PreDestroy
    void stop() {
        analysers.shutdownNow();
    }

    record Pending(long id, UUID batchId, int seq, String path, boolean ocr, @Nullable String hint, String split) {}

    @Scheduled(
            initialDelayString = "${siarchive.digitisation.poll:PT1S}",
            fixedDelayString = "${siarchive.digitisation.poll:PT1S}")
    void poll() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        try {
            while (round() > 0) {
                // keep going while there is work
            }
            finishBatches();
        } catch (RuntimeException e) {
            log.error("digitisation worker: {}", e.toString(), e);
        } finally {
            running.set(false);
        }
    }

    /** One round: as many pages as there are OCR workers (twice, to keep them busy). */
    int round() {
        var pending = jdbc.sql(
                        """
                select p.id, p.batch_id, p.seq, p.path, b.ocr, i.title as hint, b.split
                from scan_page p join scan_batch b on b.id = p.batch_id left join scan_item i on i.id = p.item_id
                where p.status = 'PENDING' and b.status = 'PROCESSING' order by b.created_at, p.seq limit :n
                """)
                .param("n", 2 * ocr.workers())
                .query(Pending.class)
                .list();
        var futures = new ArrayList<CompletableFuture<Void>>();
        for (var p : pending) {
            futures.add(CompletableFuture.runAsync(() -> process(p), analysers).exceptionally(e -> {
                fail(p, e);
                return null;
            }));
        }
        CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).join();
        return pending.size();
    }

    private void process(Pending p) {
        try {
            byte[] bytes = Files.readAllBytes(batches.dir(p.batchId()).resolve(p.path()));
            var decoded = PageAnalyzer.decode(bytes);
            var analysis = PageAnalyzer.analyse(decoded.image(), decoded.dpi());
            if (p.split().equals("COVER")) {
                String cover = CoverSheets.read(decoded.image());
                if (cover != null) {
                    storeCover(p, analysis, cover);
                    return;
                }
            }
            OcrEngine.Result result = null;
            if (p.ocr() && !analysis.blank()) {
                result = ocr.submit(decoded.image(), analysis.skewDegrees()).join();
            }
            String text = result == null ? p.hint() : result.text();
            var flags = qc.check(analysis, p.ocr(), text);
            store(p, analysis, flags, result);
        } catch (Exception e) {
            fail(p, e);
        }
    }

    private void store(Pending p, PageAnalysis a, List<String> flags, OcrEngine.@Nullable Result r) {
        tx.executeWithoutResult(s -> jdbc.sql(
                        """
                update scan_page set status = 'DONE', width = :w, height = :h, dpi = :dpi, colour_mode = :mode,
                    red_ratio = :red, skew = :skew, ink = :ink, phash = :phash, fingerprint = :fp, flags = :flags,
                    ocr_text_enc = :text, ocr_confidence = :conf, ocr_words_enc = :words, ocr_low_confidence = :low,
                    processed_at = now()
                where id = :id and status = 'PENDING'
                """)
                .param("w", a.widthPx())
                .param("h", a.heightPx())
                .param("dpi", a.dpi())
                .param("mode", a.colourMode())
                .param("red", (float) a.redRatio())
                .param("skew", (float) a.skewDegrees())
                .param("ink", (float) a.inkRatio())
                .param("phash", a.phash())
                .param("fp", a.fingerprint())
                .param("flags", String.join(",", flags))
                .param("text", r == null ? null : cipher.encrypt(r.text(), ScanBatches.TEXT_CONTEXT))
                .param("conf", r == null ? null : r.meanConfidence())
                .param("words", r == null ? null : cipher.encrypt(words(r), ScanBatches.WORDS_CONTEXT))
                .param(
                        "low",
                        r == null
                                ? null
                                : (int) r.words().stream()
                                        .filter(w -> w.confidence() < 60)
                                        .count())
                .param("id", p.id())
                .update());
    }

    /** A cover sheet is not a page of the archive: no checks, no OCR, only the code it carries. */
    private void storeCover(Pending p, PageAnalysis a, String code) {
        tx.executeWithoutResult(s -> jdbc.sql(
                        """
                update scan_page set status = 'DONE', width = :w, height = :h, dpi = :dpi, colour_mode = :mode,
                    cover_code = :code, item_id = null, processed_at = now()
                where id = :id and status = 'PENDING'
                """)
                .param("w", a.widthPx())
                .param("h", a.heightPx())
                .param("dpi", a.dpi())
                .param("mode", a.colourMode())
                .param("code", code.length() > 200 ? code.substring(0, 200) : code)
                .param("id", p.id())
                .update());
    }

    /**
     * Splits a batch without a manifest at its cover sheets: each cover opens a new item that holds the
     * pages after it; pages before the first cover stay in the batch's first item.
     */
    private void split(UUID batch) {
        record Row(long id, int seq, @Nullable String coverCode) {}
        var rows = jdbc.sql("select id, seq, cover_code from scan_page where batch_id = :b order by seq")
                .param("b", batch)
                .query(Row.class)
                .list();
        if (rows.stream().noneMatch(r -> r.coverCode() != null)) {
            return;
        }
        UUID first = jdbc.sql("select id from scan_item where batch_id = :b and seq = 1")
                .param("b", batch)
                .query(UUID.class)
                .single();
        boolean firstUsed = rows.get(0).coverCode() == null;
        UUID current = first;
        int seq = 1;
        for (var r : rows) {
            if (r.coverCode() != null) {
                if (!firstUsed) {
                    firstUsed = true;
                    current = first;
                } else {
                    current = UUID.randomUUID();
                    jdbc.sql("insert into scan_item (id, batch_id, seq, status) values (:id, :b, :seq, 'PENDING')")
                            .param("id", current)
                            .param("b", batch)
                            .param("seq", ++seq)
                            .update();
                }
                jdbc.sql("update scan_item set cover_code = :c where id = :id")
                        .param("c", r.coverCode())
                        .param("id", current)
                        .update();
            } else {
                jdbc.sql("update scan_page set item_id = :i where id = :id")
                        .param("i", current)
                        .param("id", r.id())
                        .update();
            }
        }
    }

    /** Words as tab-separated lines: text, confidence, x, y, width, height. */
    static String words(OcrEngine.Result r) {
        var sb = new StringBuilder();
        for (var w : r.words()) {
            sb.append(w.text().replace('\t', ' ').replace('\n', ' '))
                    .append('\t')
                    .append(Math.round(w.confidence() * 10) / 10.0)
                    .append('\t')
                    .append(w.x())
                    .append('\t')
                    .append(w.y())
                    .append('\t')
                    .append(w.width())
                    .append('\t')
                    .append(w.height())
                    .append('\n');
        }
        return sb.toString();
    }

    private void fail(Pending p, Throwable e) {
        log.warn("page {} of batch {} failed: {}", p.seq(), p.batchId(), e.toString());
        tx.executeWithoutResult(s -> jdbc.sql(
                        "update scan_page set status = 'ERROR', error = :e, processed_at = now() where id = :id and status = 'PENDING'")
                .param(
                        "e",
                        String.valueOf(e.getMessage())
                                .substring(
                                        0,
                                        Math.min(
                                                500,
                                                String.valueOf(e.getMessage()).length())))
                .param("id", p.id())
                .update());
    }

    /** Batches whose pages are all processed: batch-level checks, suggestions, sample, status QC. */
    void finishBatches() {
        var done = jdbc.sql(
                        """
                select b.id from scan_batch b where b.status = 'PROCESSING'
                and not exists (select 1 from scan_page p where p.batch_id = b.id and p.status = 'PENDING')
                """)
                .query(UUID.class)
                .list();
        for (UUID id : done) {
            tx.executeWithoutResult(s -> finish(id));
        }
    }

    record PageRow(
            long id,
            int seq,
            @Nullable UUID itemId,
            @Nullable Long phash,
            byte @Nullable [] fingerprint,
            boolean blank,
            String flags,
            byte @Nullable [] ocrTextEnc) {}

    private void finish(UUID batch) {
        split(batch);
        var pages = jdbc.sql(
                        """
                select id, seq, item_id, phash, fingerprint, coalesce(ink < 0.003, false) as blank, flags, ocr_text_enc
                from scan_page where batch_id = :b and status = 'DONE' and cover_code is null order by seq
                """)
                .param("b", batch)
                .query(PageRow.class)
                .list();
        var analyses = new ArrayList<PageAnalysis>();
        for (var p : pages) {
            analyses.add(new PageAnalysis(
                    0,
                    0,
                    0,
                    "",
                    0,
                    0,
                    0,
                    p.blank(),
                    p.phash() == null ? 0 : p.phash(),
                    p.fingerprint() == null ? new byte[0] : p.fingerprint()));
        }
        for (int i : ImageQc.duplicates(analyses)) {
            var p = pages.get(i);
            jdbc.sql("update scan_page set flags = :f where id = :id")
                    .param("f", p.flags().isEmpty() ? ImageQc.DUPLICATE : p.flags() + "," + ImageQc.DUPLICATE)
                    .param("id", p.id())
                    .update();
        }
        // missing pages against the manifest
        jdbc.sql(
                        """
                update scan_item i set missing_pages = greatest(0, coalesce(i.expected_pages, 0)
                    - (select count(*) from scan_page p where p.item_id = i.id and p.status = 'DONE'))
                where i.batch_id = :b
                """)
                .param("b", batch)
                .update();
        suggest(batch, pages);
        sample(batch);
        jdbc.sql("update scan_batch set status = 'QC', finished_at = now() where id = :b and status = 'PROCESSING'")
                .param("b", batch)
                .update();
        audit.record(WORKER, "SCAN_BATCH", batch.toString(), "PROCESSED", null, pages.size() + " pages analysed");
    }

    private void suggest(UUID batch, List<PageRow> pages) {
        var texts = new HashMap<UUID, StringBuilder>();
        for (var p : pages) {
            if (p.itemId() != null && p.ocrTextEnc() != null) {
                texts.computeIfAbsent(p.itemId(), k -> new StringBuilder())
                        .append(cipher.decrypt(p.ocrTextEnc(), ScanBatches.TEXT_CONTEXT))
                        .append('\n');
            }
        }
        var steps = steps();
        var feedback = feedback();
        for (var e : texts.entrySet()) {
            String text = e.getValue().toString();
            var fields = Extraction.fields(text);
            var suggestions = Extraction.suggest(text, steps, feedback);
            jdbc.sql(
                            """
                    update scan_item set
                        cert_no_enc = coalesce(cert_no_enc, :cert),
                        person_name = coalesce(person_name, :name),
                        title = coalesce(title, :title),
                        suggested_step = :step, suggestion_confidence = :conf
                    where id = :id
                    """)
                    .param(
                            "cert",
                            fields.idNumbers().isEmpty()
                                    ? null
                                    : cipher.encrypt(fields.idNumbers().get(0), ScanBatches.CERT_CONTEXT))
                    .param(
                            "name",
                            fields.names().isEmpty() ? null : fields.names().get(0))
                    .param("title", fields.title())
                    .param(
                            "step",
                            suggestions.isEmpty() ? null : suggestions.get(0).stepCode())
                    .param(
                            "conf",
                            suggestions.isEmpty()
                                    ? null
                                    : (float) suggestions.get(0).confidence())
                    .param("id", e.getKey())
                    .update();
        }
    }

    /** Each business step with the words that identify its forms: its name and its materials' names. */
    List<Extraction.StepTerms> steps() {
        var c = catalog.classification();
        return c.steps().stream()
                .map(s -> {
                    var terms = new ArrayList<String>();
                    terms.add(s.name());
                    s.materials().forEach(m -> terms.add(m.name()));
                    return new Extraction.StepTerms(s.code(), s.name(), terms);
                })
                .toList();
    }

    Map<String, Map<String, Integer>> feedback() {
        var out = new HashMap<String, Map<String, Integer>>();
        jdbc.sql("select title, step_code, confirmed from step_feedback")
                .query((rs, n) -> {
                    out.computeIfAbsent(rs.getString(1), k -> new HashMap<>()).put(rs.getString(2), rs.getInt(3));
                    return null;
                })
                .list();
        return out;
    }

    /** DA/T 31: manual checks on a sample of at least 5 % of the items (the batch's setting), at least one. */
    private void sample(UUID batch) {
        jdbc.sql(
                        """
                with n as (select greatest(1, ceil(count(*) * b.sample_percent / 100.0))::int as k
                           from scan_item i join scan_batch b on b.id = i.batch_id where i.batch_id = :b group by b.sample_percent)
                update scan_item set sampled = true
                where id in (select id from scan_item where batch_id = :b order by md5(id::text) limit (select k from n))
                """)
                .param("b", batch)
                .update();
    }
}
