package org.siarchive.bench;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.siarchive.crypto.FieldCipher;
import org.siarchive.quality.CitizenIdNumber;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Persons, employers and their items COPied straight into the catalogue's own tables (not through capture): P persons
 * with valid 公民身份号码 (encrypted and blind-indexed as the catalogue keeps them), P/2 employers, and K items per
 * person. Item i belongs to person i mod P, so a person's items are spread over the heap as items captured over years
 * are, and never lie side by side unless the table is clustered.
 */
final class PartyFilePlant {

    static final String CERT_CONTEXT = "person.cert_no";
    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周"};
    private static final String[] GIVEN = {"伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳"};

    record Step(String code, String category, String insurance) {}

    /** What was planted: the persons' ID numbers and ids, the employers' credit codes, in plant order. */
    record Planted(String[] certNos, long[] personIds, String[] creditCodes, long fondsId) {}

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final FieldCipher cipher;

    PartyFilePlant(DataSource dataSource, JdbcClient jdbc, FieldCipher cipher) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    /** A valid, distinct 18-character 公民身份号码 for each n below 13 million. */
    static String citizenId(int n) {
        int year = 1960 + n % 40;
        int rest = n / 40;
        String first17 = "110105%04d%02d%02d%03d"
                .formatted(year, 1 + rest % 12, 1 + (rest / 12) % 28, (rest / (12 * 28)) % 1000);
        return first17 + CitizenIdNumber.checkChar(first17);
    }

    Planted plant(String run, long fondsId, int persons, int perPerson) throws SQLException {
        int employers = Math.max(1, persons / 2);
        var certNos = new String[persons];
        var credit = new String[employers];
        long personsBefore = max("person");
        long employersBefore = max("employer");
        try (Connection c = dataSource.getConnection()) {
            var api = c.unwrap(PGConnection.class).getCopyAPI();
            var people = api.copyIn("COPY person (cert_type, cert_no_enc, cert_no_index, name, gender, birth_date)"
                    + " FROM STDIN (FORMAT csv)");
            write(people, persons, i -> person(i, run, certNos));
            people.endCopy();
            var firms = api.copyIn("COPY employer (credit_code, name) FROM STDIN (FORMAT csv)");
            write(firms, employers, i -> {
                credit[i] = creditCode(run, i);
                return credit[i] + ",基准单位" + run + "-" + i + "有限公司\n";
            });
            firms.endCopy();
        }
        long[] personIds = ids("person", personsBefore, persons);
        long[] employerIds = ids("employer", employersBefore, employers);
        var steps = jdbc.sql("select code, category_code as category, insurance_type as insurance from business_step"
                        + " where active and category_code = '01' order by code limit 8")
                .query(Step.class)
                .list();
        try (Connection c = dataSource.getConnection()) {
            var items = c.unwrap(PGConnection.class)
                    .getCopyAPI()
                    .copyIn("COPY item (id, fonds_id, archive_code, class_key, item_no, title, responsible,"
                            + " doc_date, year, security_level, page_count, category_code, step_code, insurance_type,"
                            + " acceptance_no, idempotency_key, fingerprint, handler, handling_agency, handled_at,"
                            + " retention_code, retention_start, status, object_id, person_id, person_name,"
                            + " employer_id) FROM STDIN (FORMAT csv)");
            write(items, persons * perPerson, i -> item(i, run, fondsId, steps, personIds, employerIds));
            items.endCopy();
        }
        jdbc.sql("analyze person").update();
        jdbc.sql("analyze employer").update();
        jdbc.sql("analyze item").update();
        return new Planted(certNos, personIds, credit, fondsId);
    }

    private interface Line {
        String of(int i);
    }

    private static void write(CopyIn copy, int n, Line line) throws SQLException {
        int batch = 20_000;
        for (int from = 0; from < n; from += batch) {
            var lines = IntStream.range(from, Math.min(n, from + batch))
                    .parallel()
                    .mapToObj(line::of)
                    .toList();
            byte[] bytes = String.join("", lines).getBytes(StandardCharsets.UTF_8);
            copy.writeToCopy(bytes, 0, bytes.length);
        }
    }

    private String person(int i, String run, String[] certNos) {
        String cert = citizenId(Integer.parseInt(run) * 100_000 + i);
        certNos[i] = cert;
        return "01," + hex(cipher.encrypt(cert, CERT_CONTEXT)) + "," + hex(cipher.blindIndex(cert, CERT_CONTEXT)) + ","
                + name(i) + "," + CitizenIdNumber.genderCode(cert) + ","
                + CitizenIdNumber.birthDate(cert).orElseThrow() + "\n";
    }

    static String name(int i) {
        return SURNAMES[i % SURNAMES.length]
                + GIVEN[(i / SURNAMES.length) % GIVEN.length]
                + GIVEN[(i / 120) % GIVEN.length];
    }

    private static String creditCode(String run, int i) {
        return "91" + "%06d".formatted(Integer.parseInt(run) % 1_000_000) + "%09d".formatted(i) + "X";
    }

    private static String item(int i, String run, long fonds, List<Step> steps, long[] persons, long[] employers) {
        var r = new SplittableRandom(i * 31L + 7);
        int person = i % persons.length;
        int k = i / persons.length;
        var step = steps.get(r.nextInt(steps.size()));
        int year = 1995 + k % 30;
        String key = "PF" + run + "-" + i;
        var id = new UUID(0x9e75_0000_0000_4000L | (Long.parseLong(run) << 20), 0x8000_0000_0000_0000L | i);
        return String.join(
                        ",",
                        id.toString(),
                        Long.toString(fonds),
                        key,
                        "PF" + run + "/" + (i / 10_000),
                        Integer.toString(i % 10_000 + 1),
                        "基准参保材料" + i,
                        "基准社保中心",
                        year + "-06-01",
                        Integer.toString(year),
                        "1",
                        Integer.toString(1 + r.nextInt(20)),
                        step.category(),
                        step.code(),
                        step.insurance() == null ? "" : step.insurance(),
                        key,
                        key,
                        "0".repeat(64),
                        "基准经办",
                        "基准社保中心",
                        year + "-05-%02dT10:%02d:00+08:00".formatted(1 + k % 28, r.nextInt(60)),
                        "Y",
                        (year + 1) + "-01-01",
                        "PRESERVED",
                        "bench:" + key,
                        Long.toString(persons[person]),
                        name(person),
                        Long.toString(employers[person % employers.length]))
                + "\n";
    }

    private long max(String table) {
        return jdbc.sql("select coalesce(max(id), 0) from " + table)
                .query(Long.class)
                .single();
    }

    private long[] ids(String table, long after, int n) {
        var list = jdbc.sql("select id from " + table + " where id > :after order by id")
                .param("after", after)
                .query(Long.class)
                .list();
        if (list.size() != n) {
            throw new IllegalStateException(table + ": planted " + n + " rows, found " + list.size());
        }
        return list.stream().mapToLong(Long::longValue).toArray();
    }

    private static String hex(byte[] bytes) {
        return "\\x" + HexFormat.of().formatHex(bytes);
    }
}
