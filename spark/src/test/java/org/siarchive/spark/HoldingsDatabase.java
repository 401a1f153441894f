package org.siarchive.spark;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import javax.sql.DataSource;
import org.postgresql.PGConnection;

/**
 * The platform's embedded PostgreSQL with its migrations and {@code items} generated catalogue items in five fonds:
 * three under different organisation units (one nested in another), one more of the same unit and one without an
 * organisation (never held). Items are mostly PRESERVED, some RECEIVING, QUARANTINED or DESTROYED; some have no
 * 险种, no page count or no files, some several files; capture times cluster around midnight at month ends, where
 * the month filed differs between UTC and 北京时间.
 */
final class HoldingsDatabase implements AutoCloseable {

    private static final String[] STATUS = {"RECEIVING", "QUARANTINED", "DESTROYED"};
    private static final String[] PATHS = {"/1/2/", "/1/3/", "/1/3/7/", "/1/2/", null};

    private final EmbeddedPostgres postgres;

    HoldingsDatabase(int items) {
        postgres = MigratedPostgres.start();
        try {
            load(items);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    DataSource dataSource() {
        return postgres.getPostgresDatabase();
    }

    ItemSource items(int partitions) {
        return new ItemSource(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "", partitions);
    }

    private record Step(String code, String category, String insurance) {}

    private void load(int n) throws SQLException {
        try (var c = dataSource().getConnection()) {
            var fonds = new ArrayList<Long>();
            for (int k = 0; k < PATHS.length; k++) {
                try (var st = c.prepareStatement(
                        "insert into fonds (code, name, agency, org_path) values (?, ?, ?, ?) returning id")) {
                    st.setString(1, "HS" + k);
                    st.setString(2, "统计全宗" + k);
                    st.setString(3, "统计中心");
                    st.setString(4, PATHS[k]);
                    try (var rs = st.executeQuery()) {
                        rs.next();
                        fonds.add(rs.getLong(1));
                    }
                }
            }
            var steps = new ArrayList<Step>();
            var retentions = new ArrayList<String>();
            String material;
            try (var st = c.createStatement()) {
                try (var rs = st.executeQuery("select code, category_code, insurance_type from business_step"
                        + " where active order by code limit 12")) {
                    while (rs.next()) {
                        steps.add(new Step(rs.getString(1), rs.getString(2), rs.getString(3)));
                    }
                }
                try (var rs = st.executeQuery("select code from retention_period order by code")) {
                    while (rs.next()) {
                        retentions.add(rs.getString(1));
                    }
                }
                try (var rs = st.executeQuery("select code from material_type order by code limit 1")) {
                    rs.next();
                    material = rs.getString(1);
                }
            }
            var api = c.unwrap(PGConnection.class).getCopyAPI();
            for (int from = 0; from < n; from += 50_000) {
                var items = new StringBuilder();
                var files = new StringBuilder();
                for (int i = from; i < Math.min(n, from + 50_000); i++) {
                    row(i, fonds, steps, retentions, material, items, files);
                }
                api.copyIn(
                        "COPY item (id, fonds_id, archive_code, class_key, item_no, title, responsible, doc_date,"
                                + " year, security_level, page_count, category_code, step_code, insurance_type,"
                                + " acceptance_no, idempotency_key, fingerprint, handler, handling_agency, handled_at,"
                                + " retention_code, retention_start, status, destroyed_at, object_id, created_at)"
                                + " FROM STDIN (FORMAT csv)",
                        new java.io.ByteArrayInputStream(items.toString().getBytes(StandardCharsets.UTF_8)));
                api.copyIn(
                        "COPY item_file (item_id, seq, material_code, original_name, logical_path, media_type,"
                                + " format_name, size_bytes, sm3, sha256) FROM STDIN (FORMAT csv)",
                        new java.io.ByteArrayInputStream(files.toString().getBytes(StandardCharsets.UTF_8)));
            }
            try (var st = c.createStatement()) {
                st.execute("analyze item");
                st.execute("analyze item_file");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void row(
            int i,
            List<Long> fonds,
            List<Step> steps,
            List<String> retentions,
            String material,
            StringBuilder items,
            StringBuilder files) {
        var r = new SplittableRandom(i * 31L + 7);
        var id = UUID.nameUUIDFromBytes(("holdings-" + i).getBytes(StandardCharsets.UTF_8));
        var step = steps.get(r.nextInt(steps.size()));
        int year = 2015 + r.nextInt(10);
        String status = r.nextInt(10) < 8 ? "PRESERVED" : STATUS[r.nextInt(STATUS.length)];
        // around midnight UTC at the turn of a month: 16:00–18:00 UTC on the last day is already the 1st in Beijing
        var captured = OffsetDateTime.of(2024 + r.nextInt(3), 1 + r.nextInt(12), 1, 0, 0, 0, 0, ZoneOffset.UTC)
                .minusHours(r.nextInt(10))
                .minusMinutes(r.nextInt(60))
                .plusDays(r.nextInt(4) == 0 ? r.nextInt(27) : 0);
        String insurance = step.insurance() == null || r.nextInt(7) == 0 ? "" : step.insurance();
        String pages = r.nextInt(9) == 0 ? "" : Integer.toString(r.nextInt(40));
        String key = "HS-" + i;
        items.append(String.join(
                        ",",
                        id.toString(),
                        Long.toString(fonds.get(r.nextInt(fonds.size()))),
                        key,
                        "HS/" + (i / 10_000),
                        Integer.toString(i % 10_000 + 1),
                        "统计件" + i,
                        "统计中心",
                        year + "-06-01",
                        Integer.toString(year),
                        "1",
                        pages,
                        step.category(),
                        step.code(),
                        insurance,
                        key,
                        key,
                        "0".repeat(64),
                        "经办",
                        "统计中心",
                        year + "-05-20T10:00:00+08:00",
                        retentions.get(r.nextInt(retentions.size())),
                        (year + 1) + "-01-01",
                        status,
                        status.equals("DESTROYED") ? captured.plusYears(1).toString() : "",
                        "hs:" + key,
                        captured.toString()))
                .append('\n');
        int count = r.nextInt(5) == 0 ? 0 : 1 + r.nextInt(3);
        String digest = "0".repeat(64);
        for (int s = 1; s <= count; s++) {
            files.append(id)
                    .append(',')
                    .append(s)
                    .append(',')
                    .append(material)
                    .append(",a.pdf,content/a")
                    .append(s)
                    .append(".pdf,application/pdf,PDF,")
                    .append(10_000 + r.nextInt(3_000_000))
                    .append(',')
                    .append(digest)
                    .append(',')
                    .append(digest)
                    .append('\n');
        }
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
