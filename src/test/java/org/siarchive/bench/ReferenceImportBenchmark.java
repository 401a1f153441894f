package org.siarchive.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.siarchive.comparison.ReferenceImports;
import org.siarchive.organisation.Organisations;
import org.siarchive.quality.CitizenIdNumber;
import org.siarchive.shared.Access;
import org.siarchive.shared.Actor;
import org.siarchive.shared.Scope;
import org.siarchive.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Bulk import of reference data (issue 17 must-show): a generated death list of {@code -Dbench.rows=N} rows
 * (default 200,000; the note's figure is 10,000,000), about 1 % of them with a bad check character, imported
 * through the platform's import path (upload stored and digested, parsed, validated, tokenised and sealed on
 * every core, COPY into a fresh partition, indexes built, attached, LOADED); then the same loaded rows —
 * exported as the importer wrote them — loaded by {@code psql \copy} into a fresh partition of the same table
 * with the same indexes built and attached the same way, in the same run. Prints rows/s of both, the ratio
 * (goal ≥ 0.50) and the largest heap used during the import (sampled every 50 ms).
 */
@Tag("bench")
class ReferenceImportBenchmark extends IntegrationTest {

    static final int ROWS = Integer.getInteger("bench.rows", 200_000);

    @Autowired
    ReferenceImports imports;

    @Autowired
    Organisations organisations;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    EmbeddedPostgres pg;

    @Test
    void importBesidePsqlCopy() throws Exception {
        Path dir = Files.createDirectories(DATA_DIR.resolve("bench-reference"));
        Path csv = dir.resolve("deaths.csv");
        int bad = generate(csv, ROWS);
        var root = organisations.root();
        var access = new Access(Actor.SYSTEM, new Scope(root.path(), null, 3), Set.of());

        System.gc();
        long t0 = System.nanoTime();
        long id;
        double receivedSeconds;
        String state;
        String heapLine;
        try (var heap = PeakHeap.watch()) {
            try (var in = Files.newInputStream(csv)) {
                id = imports.upload(
                                new ReferenceImports.Upload("DEATH", "GA", "基准死亡名单", null), "deaths.csv", in, access)
                        .datasetId();
            }
            receivedSeconds = (System.nanoTime() - t0) / 1e9;
            do {
                Thread.sleep(50);
                state = jdbc.sql("select state from reference_dataset where id = :id")
                        .param("id", id)
                        .query(String.class)
                        .single();
            } while (state.equals("RECEIVING"));
            heapLine = heap.line();
        }
        double platformSeconds = (System.nanoTime() - t0) / 1e9;
        assertThat(state).isEqualTo("LOADED");
        long loaded = jdbc.sql("select rows_loaded from reference_dataset where id = :id")
                .param("id", id)
                .query(Long.class)
                .single();
        long rejected = jdbc.sql("select rows_rejected from reference_dataset where id = :id")
                .param("id", id)
                .query(Long.class)
                .single();
        assertThat(rejected).isEqualTo(bad);
        assertThat(loaded).isEqualTo(ROWS - bad);

        // the same rows, as the importer wrote them, under a second dataset id, loaded by psql the same way
        long second = jdbc.sql(
                        """
                insert into reference_dataset (kind, source, org_id, org_path, title, format, file_sm3, created_by)
                values ('DEATH', 'MZ', :org, :path, '基准 psql', 'CSV', :sm3, 'bench') returning id""")
                .param("org", root.id())
                .param("path", root.path())
                .param("sm3", "psql-" + System.nanoTime())
                .query(Long.class)
                .single();
        Path rows = dir.resolve("rows.txt");
        psql("\\copy (select " + second + ", row_no, token, cert_enc, name_masked, birth_date, gender, scheme, subtype,"
                + " status, start_date, end_date, event_date, last_paid, amount, region_code, agency_code, source_ref"
                + " from reference_row where dataset_id = " + id + ") to '" + rows + "'");
        String t = "reference_row_p" + second;
        Path script = dir.resolve("load.sql");
        Files.writeString(
                script,
                "begin;\n"
                        + "create table " + t + " (like reference_row including defaults, constraint " + t
                        + "_ds check (dataset_id = " + second + "));\n"
                        + "\\copy " + t + " from '" + rows + "'\n"
                        + "alter table " + t + " add primary key (dataset_id, row_no);\n"
                        + "create index " + t + "_token on " + t + " (token);\n"
                        + "alter table reference_row attach partition " + t + " for values in (" + second + ");\n"
                        + "commit;\n");
        long t1 = System.nanoTime();
        psqlFile(script);
        double psqlSeconds = (System.nanoTime() - t1) / 1e9;
        long copied = jdbc.sql("select count(*) from reference_row where dataset_id = :id")
                .param("id", second)
                .query(Long.class)
                .single();
        assertThat(copied).isEqualTo(loaded);

        double platformRate = loaded / platformSeconds;
        double psqlRate = copied / psqlSeconds;
        System.out.printf(
                "reference import: %,d rows (%,d rejected), CSV %,d MB%n"
                        + "  platform import path: %.1f s = %,.0f rows/s (loaded rows; %,.0f rows read/s);"
                        + " upload stored and digested in %.1f s%n"
                        + "  psql \\copy same rows: %.1f s = %,.0f rows/s%n"
                        + "  ratio %.2f (goal >= 0.50); during the import: %s%n",
                ROWS,
                rejected,
                Files.size(csv) >> 20,
                platformSeconds,
                platformRate,
                ROWS / platformSeconds,
                receivedSeconds,
                psqlSeconds,
                psqlRate,
                platformRate / psqlRate,
                heapLine);
        Files.deleteIfExists(rows);
        Files.deleteIfExists(csv);
    }

    /** Writes the death list; returns how many rows carry a bad check character (every 100th). */
    static int generate(Path csv, int rows) throws Exception {
        var r = new java.util.Random(17);
        int bad = 0;
        try (BufferedWriter w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            w.write("公民身份号码,姓名,死亡日期,类别\n");
            String[] surnames = {"张", "王", "李", "赵", "欧阳", "陈", "刘", "杨"};
            for (int i = 0; i < rows; i++) {
                String first17 = "%06d%04d%02d%02d%03d"
                        .formatted(
                                110101 + r.nextInt(9000),
                                1925 + r.nextInt(70),
                                1 + r.nextInt(12),
                                1 + r.nextInt(28),
                                r.nextInt(1000));
                char check = CitizenIdNumber.checkChar(first17);
                if (i % 100 == 99) {
                    check = check == '1' ? '2' : '1';
                    bad++;
                }
                w.write(first17);
                w.write(check);
                w.write(',');
                w.write(surnames[i & 7]);
                w.write("某某");
                w.write(",2024-");
                w.write("%02d-%02d".formatted(1 + r.nextInt(12), 1 + r.nextInt(28)));
                w.write(",火化\n");
            }
        }
        return bad;
    }

    private void psql(String command) throws Exception {
        run(new ProcessBuilder(
                "/usr/bin/psql",
                "-X",
                "-v",
                "ON_ERROR_STOP=1",
                "-h",
                "127.0.0.1",
                "-p",
                String.valueOf(pg.getPort()),
                "-U",
                "postgres",
                "-d",
                "postgres",
                "-c",
                command));
    }

    private void psqlFile(Path script) throws Exception {
        run(new ProcessBuilder(
                "/usr/bin/psql",
                "-X",
                "-q",
                "-v",
                "ON_ERROR_STOP=1",
                "-h",
                "127.0.0.1",
                "-p",
                String.valueOf(pg.getPort()),
                "-U",
                "postgres",
                "-d",
                "postgres",
                "-f",
                script.toString()));
    }

    private static void run(ProcessBuilder pb) throws Exception {
        var p = pb.redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException("psql failed: " + out);
        }
    }
}
