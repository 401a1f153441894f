package org.siarchive.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.siarchive.capture.Captures;
import org.siarchive.capture.Upload;
import org.siarchive.catalog.Catalog;
import org.siarchive.catalog.ItemRecord;
import org.siarchive.organisation.Organisations;
import org.siarchive.preservation.Fixity;
import org.siarchive.preservation.Preservation;
import org.siarchive.preservation.StoredFile;
import org.siarchive.shared.Access;
import org.siarchive.shared.Actor;
import org.siarchive.shared.Scope;
import org.siarchive.support.IntegrationTest;
import org.siarchive.support.Samples;
import org.siarchive.transfer.TransferPackages;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A transfer package of 100,000 items in bounded memory (issue 20): one item is captured through the capture path,
 * then N copies ({@code -Dbench.exportItems}, default 100,000) are made of it — an OCFL object of their own each
 * (written through {@link Preservation#writeVersion}, 4 threads) and the catalogue rows cloned by SQL — and the whole
 * set is exported as one package ({@code -Dbench.exportFormat}, default FOLDER; EEP embeds the content). Prints the
 * export's rate and its peak heap (in use, and live after collection), beside the limit measured in the same run: the
 * same objects read through the same fixity check into a plain zip, nothing else (on the first
 * {@code -Dbench.exportRaw} items, default 20,000, measured before the export). Every 10,000 items seeded and exported it
 * prints a progress line with the heap so far (also in target/bench/transfer-export-progress.txt), so that a run stopped
 * part-way is evidence. Run at a small heap to prove the bound:
 * {@code ./mvnw -B -o -q test -Pbench -Dtest.heap=256m -Dtest=TransferExportBenchmark}. Writes
 * target/bench/transfer-export.txt. Takes about 10 minutes for 10,000 items on the shared 2-core machine (most of it
 * the export's SM2 signatures); 100,000 items about ten times that.
 */
@Tag("bench")
class TransferExportBenchmark extends IntegrationTest {

    static final int N = Integer.getInteger("bench.exportItems", 100_000);
    static final int RAW = Math.min(N, Integer.getInteger("bench.exportRaw", 20_000));
    /** Items between two progress lines (with the heap so far). */
    static final int STEP = 10_000;

    static final TransferPackages.Format FORMAT =
            TransferPackages.Format.valueOf(System.getProperty("bench.exportFormat", "FOLDER"));
    static final Access ARCHIVIST =
            new Access(new Actor("export-bench", "ROOT", "127.0.0.1", "bench"), Scope.EVERYTHING, Set.of());

    @Autowired
    TransferPackages packages;

    @Autowired
    Captures captures;

    @Autowired
    Catalog catalog;

    @Autowired
    Organisations organisations;

    @Autowired
    Preservation preservation;

    @Autowired
    JdbcClient jdbc;

    @Test
    void exportAHundredThousandItems() throws Exception {
        var out = new StringBuilder();
        String run = Long.toString(System.nanoTime() % 1_000_000);
        long t0 = System.nanoTime();
        var template = template(run);
        var ids = seed(template, run);
        line(
                out,
                "seeded %,d items (an OCFL object each, %d files of %,d bytes) in %.0f s",
                N,
                template.files().size(),
                template.files().stream()
                        .mapToLong(ItemRecord.ItemFile::sizeBytes)
                        .sum(),
                secs(t0));

        // the limit first, so that a run stopped part-way still has its limit beside its progress
        long t2 = System.nanoTime();
        raw(ids.subList(0, RAW));
        double rawSeconds = secs(t2);
        progress("limit: %,.0f items/s (%,d items read with fixity into a plain zip)", RAW / rawSeconds, RAW);
        System.gc();
        TransferPackages.Exported exported;
        double exportSeconds;
        String heapLine;
        try (var heap = PeakHeap.watch()) {
            long t1 = System.nanoTime();
            exported = packages.export(ids, FORMAT, ARCHIVIST, written -> {
                if (written % STEP == 0) {
                    progress("exported %,d items in %.0f s; %s", written, secs(t1), heap.line());
                }
            });
            exportSeconds = secs(t1);
            heapLine = heap.line();
        }
        long zipBytes = Files.size(exported.file());
        int entries;
        try (var zip = new ZipFile(exported.file().toFile())) {
            entries = zip.size();
            assertThat(head(zip, "manifest.xml")).contains("<件数>" + N + "</件数>");
        }
        Files.delete(exported.file());

        double rate = N / exportSeconds;
        double rawRate = RAW / rawSeconds;
        line(out, "| export (%s package) | items | s | items/s | limit items/s | ratio | package MB |", FORMAT);
        line(out, "|---|---|---|---|---|---|---|");
        line(
                out,
                "| platform export | %,d | %.0f | %,.0f | %,.0f | %.2f | %,d |",
                N,
                exportSeconds,
                rate,
                rawRate,
                rate / rawRate,
                zipBytes >> 20);
        line(out, "limit: the same objects read with fixity into a plain zip (%,d items), nothing else", RAW);
        line(out, "zip entries %,d; during the export: %s", entries, heapLine);
        System.out.print(out);
        Files.createDirectories(Path.of("target", "bench"));
        Files.writeString(Path.of("target", "bench", "transfer-export.txt"), out);
        assertThat(exported.items()).isEqualTo(N);
    }

    /** One item through the capture path, the model of every copy. */
    private ItemRecord template(String run) {
        String fonds = "X" + run;
        catalog.ensureFonds(
                fonds, "导出基准全宗" + run, "导出基准社保中心", organisations.root().id(), Actor.SYSTEM);
        var s = Samples.personEnrolment(Samples.acceptanceNo(), Samples.citizenId(1970), "导出基准");
        var id = captures.capture(
                        s,
                        List.of(
                                Upload.ofBytes("a.png", Samples.png(7001)),
                                Upload.ofBytes("b.pdf", Samples.pdf("bench"))),
                        null,
                        Actor.SYSTEM)
                .item()
                .id();
        return catalog.requireItem(id);
    }

    /** N objects written like the template's and N catalogue rows cloned from it; their ids in order. */
    private List<UUID> seed(ItemRecord template, String run) throws Exception {
        Path dir = Files.createTempDirectory("export-bench");
        var files = new ArrayList<StoredFile>();
        for (var f : template.files()) {
            Path p = dir.resolve(f.seq() + "-" + f.logicalPath().replace('/', '_'));
            try (InputStream in = preservation.read(template.objectId(), f.logicalPath(), fixity(f))) {
                Files.copy(in, p);
            }
            files.add(new StoredFile(f.logicalPath(), p));
        }
        byte[] sidecar = preservation.readSidecar(template.objectId());
        var pool = Executors.newFixedThreadPool(4);
        var done = new ArrayList<Future<?>>();
        for (int t = 0; t < 4; t++) {
            int first = t;
            done.add(pool.submit(() -> {
                for (int i = first; i < N; i += 4) {
                    preservation.writeVersion(objectId(run, i), files, sidecar, "bench", "bench");
                    if (i > 0 && i % STEP == 0) {
                        progress("seeded %,d objects", i);
                    }
                }
                return null;
            }));
        }
        for (var f : done) {
            f.get();
        }
        pool.shutdown();
        clone("item", template, run);
        clone("item_file", template, run);
        return jdbc.sql("select id from item where idempotency_key like :k order by item_no")
                .param("k", "xbench-" + run + "-%")
                .query(UUID.class)
                .list();
    }

    /** Copies the template's rows of {@code table} N times, with the copies' own keys. */
    private void clone(String table, ItemRecord template, String run) {
        var columns = jdbc.sql("select column_name from information_schema.columns where table_name = :t"
                        + " and table_schema = current_schema() and is_generated = 'NEVER'"
                        + " and coalesce(column_default, '') not like 'nextval%' and is_identity = 'NO'"
                        + " order by ordinal_position")
                .param("t", table)
                .query(String.class)
                .list();
        String g = "'xbench-' || :run || '-' || (g - 1)";
        var values = columns.stream()
                .map(c -> switch (table + "." + c) {
                    case "item.id", "item_file.item_id" -> "md5(" + g + ")::uuid";
                    case "item.archive_code" -> "t.archive_code || '-X' || g";
                    case "item.idempotency_key", "item.object_id" -> g;
                    case "item.item_no" -> "1000000 + g";
                    default -> "t." + c;
                })
                .toList();
        jdbc.sql("insert into " + table + " (" + String.join(", ", columns) + ") select " + String.join(", ", values)
                        + " from " + table + " t, generate_series(1, :n) g where t."
                        + (table.equals("item") ? "id" : "item_id") + " = :template")
                .param("run", run)
                .param("n", N)
                .param("template", template.id())
                .update();
    }

    private static String objectId(String run, int i) {
        return "xbench-" + run + "-" + i;
    }

    /** The limit: the items' files read through the fixity check into a plain zip. */
    private void raw(List<UUID> ids) throws Exception {
        Path file = Files.createTempFile("export-bench-raw", ".zip");
        try (var zip = new ZipOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 64 * 1024))) {
            for (int from = 0; from < ids.size(); from += 500) {
                for (var item : catalog.items(ids.subList(from, Math.min(ids.size(), from + 500)))) {
                    for (var f : item.files()) {
                        zip.putNextEntry(new ZipEntry(item.id() + "/" + f.logicalPath()));
                        try (var in = preservation.read(item.objectId(), f.logicalPath(), fixity(f))) {
                            in.transferTo(zip);
                        }
                        zip.closeEntry();
                    }
                }
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static Fixity fixity(ItemRecord.ItemFile f) {
        return new Fixity(f.sizeBytes(), f.sm3(), f.sha256());
    }

    private static String head(ZipFile zip, String name) throws Exception {
        try (var in = zip.getInputStream(zip.getEntry(name))) {
            return new String(in.readNBytes(4096), StandardCharsets.UTF_8);
        }
    }

    private static void progress(String format, Object... args) {
        ProgressLog.line("transfer-export-progress.txt", format, args);
    }

    private static double secs(long t) {
        return (System.nanoTime() - t) / 1e9;
    }

    private static void line(StringBuilder out, String format, Object... args) {
        String s = String.format(format, args);
        out.append(s).append('\n');
    }
}
