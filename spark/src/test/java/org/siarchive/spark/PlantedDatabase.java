package org.siarchive.spark;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.siarchive.comparison.PlantedData;
import org.siarchive.comparison.PlantedRows;
import org.siarchive.comparison.RunDataset;
import org.siarchive.crypto.Sm3;

/**
 * The platform's embedded PostgreSQL with the platform's own migrations, holding the planted reference data of
 * {@link PlantedData} and, around it, {@code recipients} background benefit recipients and a fifth as many
 * deaths, of which one in a thousand recipients died in May and was paid to October (死亡冒领, planted) and as
 * many died inside their last paid month (near-misses). ID numbers become HMAC-SM3 tokens under a key of this
 * test; the stored ciphertext is a placeholder, never opened.
 */
final class PlantedDatabase implements AutoCloseable {

    static final String UNIT = "CE1";
    private static final LocalDate BIRTH0 = LocalDate.of(1940, 1, 1);

    private final EmbeddedPostgres postgres;
    private final byte[] key = new byte[32];
    private final List<RunDataset> datasets = new ArrayList<>();
    private final Map<String, TreeSet<String>> expected = new TreeMap<>();
    private final int recipients;

    PlantedDatabase(int recipients) {
        this.recipients = recipients;
        new SecureRandom().nextBytes(key);
        postgres = MigratedPostgres.start();
        plant();
    }

    DataSource dataSource() {
        return postgres.getPostgresDatabase();
    }

    JdbcSource jdbc(long rowsPerPartition) {
        return new JdbcSource(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "", rowsPerPartition);
    }

    /** Every dataset written, as a run reads it. */
    List<RunDataset> datasets() {
        return datasets;
    }

    /** Each rule's planted persons, as hex tokens. */
    Map<String, TreeSet<String>> expected() {
        return expected;
    }

    long rows() {
        return datasets.stream().mapToLong(RunDataset::rowsLoaded).sum();
    }

    String token(String cert) {
        return Sm3.hex(Sm3.hmac(key, cert.getBytes(StandardCharsets.UTF_8)));
    }

    private void plant() {
        var writer = new PlantedRows(dataSource(), new PlantedRows.Sealing() {
            @Override
            public byte[] token(String cert) {
                return Sm3.hmac(key, cert.getBytes(StandardCharsets.UTF_8));
            }

            @Override
            public byte[] seal(String cert) {
                return new byte[28];
            }
        });
        var planted = new PlantedData(17, UNIT);
        planted.rows().forEach((kindSource, rows) -> {
            String[] ks = kindSource.split(" ");
            long id = writer.dataset(ks[0], ks[1], 1, "/1/", rows.size());
            writer.copy(id, rows);
            datasets.add(new RunDataset(id, ks[0], ks[1], 1, "/1/", "planted", rows.size()));
        });
        planted.expected().forEach((rule, certs) -> certs.forEach(c -> expect(rule, c)));
        background(writer);
    }

    private void expect(String rule, String cert) {
        expected.computeIfAbsent(rule, r -> new TreeSet<>()).add(token(cert));
    }

    private static String cert(int i) {
        return PlantedRows.cert("440515", BIRTH0.plusDays((i / 1000) % 9000), i % 1000);
    }

    private void background(PlantedRows writer) {
        int deaths = recipients / 5;
        int hits = recipients / 1000;
        int stride = recipients / Math.max(1, hits);
        long benefits = writer.dataset("BENEFIT", "RS", 1, "/1/", recipients);
        writer.copy(benefits, recipients, i -> recipient(cert(i)), false);
        datasets.add(new RunDataset(benefits, "BENEFIT", "RS", 1, "/1/", "background", recipients));
        long died = writer.dataset("DEATH", "GA", 1, "/1/", deaths);
        writer.copy(
                died,
                deaths,
                j -> {
                    if (j < hits) { // planted: died in May, paid to October
                        return death(cert(j * stride), LocalDate.of(2026, 5, 10));
                    }
                    if (j < 2 * hits) { // near-miss: died inside the last paid month
                        return death(cert((j - hits) * stride + 1), LocalDate.of(2026, 10, 20));
                    }
                    return death(cert(recipients + j), LocalDate.of(2026, 1 + j % 10, 1 + j % 28));
                },
                false);
        datasets.add(new RunDataset(died, "DEATH", "GA", 1, "/1/", "background", deaths));
        for (int j = 0; j < hits; j++) {
            expect("DEATH_PAYMENT", cert(j * stride));
        }
    }

    private static PlantedRows.Row recipient(String cert) {
        return new PlantedRows.Row(
                cert,
                null,
                "1",
                "110",
                null,
                "ACTIVE",
                LocalDate.of(2010, 1, 1),
                null,
                null,
                LocalDate.of(2026, 10, 1),
                "2000.00",
                "440500",
                UNIT);
    }

    private static PlantedRows.Row death(String cert, LocalDate on) {
        return new PlantedRows.Row(
                cert, null, null, null, "CANCELLATION", null, null, null, on, null, null, "440500", null);
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
