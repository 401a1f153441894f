package org.siarchive.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.siarchive.crypto.FieldCipher;

/**
 * The limits a person-file view is measured against, through raw JDBC on connections of their own ({@code psql}'s
 * equivalent): the view's three queries as the catalogue runs them (blind index → person id; the person's items in
 * the reader's scope by business time, with the names of step, category, insurance, retention and employer; the
 * person), and a bare durable insert + commit, the most a view could cost if each wrote its own audit commit.
 */
final class PersonFileReference {

    /** The catalogue's summary query (ItemQueries: SUMMARY_SELECT + SCOPE_CLAUSE), with the root's scope. */
    static final String ITEMS =
            """
            select i.id, i.archive_code, i.title, s.name as step_name, c.name as category_name,
                   it.name as insurance_name, r.name as retention_name, i.handled_at, i.person_name,
                   e.name as employer_name, i.status, i.responsible, i.doc_date, i.security_level,
                   coalesce(i.page_count, (select count(*) from item_file x where x.item_id = i.id))::int as page_count,
                   i.retention_code
            from item i
            join fonds f on f.id = i.fonds_id
            join material_category c on c.code = i.category_code
            join business_step s on s.code = i.step_code
            join retention_period r on r.code = i.retention_code
            left join code_table it on it.category = 'AAE140' and it.code = i.insurance_type
            left join employer e on e.id = i.employer_id
            where i.person_id = ? and (f.org_path like ? and (? or i.fonds_id = any(?))
             and i.security_level::int <= ?) order by i.handled_at, i.archive_code limit 5000""";

    private static final String PERSON_ID = "select id from person where cert_no_index = ? order by id limit 1";
    private static final String PERSON =
            "select id, cert_type, cert_no_enc, name, gender, birth_date, phone_enc, bank_account_enc"
                    + " from person where id = ?";

    private final DataSource dataSource;
    private final FieldCipher cipher;

    PersonFileReference(DataSource dataSource, FieldCipher cipher) {
        this.dataSource = dataSource;
        this.cipher = cipher;
    }

    ClosedLoop.Result queries(PartyFilePlant.Planted planted, int threads, double seconds) throws Exception {
        String org = root();
        byte[][] index = new byte[planted.certNos().length][];
        for (int i = 0; i < index.length; i++) {
            index[i] = cipher.blindIndex(planted.certNos()[i], PartyFilePlant.CERT_CONTEXT);
        }
        var connections = new Connection[threads];
        try {
            for (int i = 0; i < threads; i++) {
                connections[i] = dataSource.getConnection();
            }
            return ClosedLoop.run("raw JDBC, the view's 3 queries", threads, 2, seconds, (c, n) -> {
                int p = ThreadLocalRandom.current().nextInt(index.length);
                return view(connections[c], index[p], org) > 0;
            });
        } finally {
            for (var c : connections) {
                if (c != null) {
                    c.close();
                }
            }
        }
    }

    private String root() throws SQLException {
        try (var c = dataSource.getConnection();
                var rs = c.createStatement().executeQuery("select path from org_unit where parent_id is null")) {
            rs.next();
            return rs.getString(1) + "%";
        }
    }

    private static int view(Connection c, byte[] index, String org) throws SQLException {
        long id;
        try (PreparedStatement ps = c.prepareStatement(PERSON_ID)) {
            ps.setBytes(1, index);
            try (var rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return 0;
                }
                id = rs.getLong(1);
            }
        }
        int rows = 0;
        try (PreparedStatement ps = c.prepareStatement(ITEMS)) {
            ps.setLong(1, id);
            ps.setString(2, org);
            ps.setBoolean(3, true);
            ps.setArray(4, c.createArrayOf("bigint", new Long[0]));
            ps.setInt(5, 3);
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    for (int col = 1; col <= 16; col++) {
                        rs.getObject(col);
                    }
                    rows++;
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement(PERSON)) {
            ps.setLong(1, id);
            try (var rs = ps.executeQuery()) {
                rs.next();
            }
        }
        return rows;
    }

    /** A bare durable insert and commit per request into a scratch table, dropped afterwards. */
    ClosedLoop.Result commits(int threads, double seconds) throws Exception {
        try (var c = dataSource.getConnection()) {
            c.createStatement()
                    .execute("create table if not exists bench_commit (id bigserial primary key, at timestamptz,"
                            + " note text)");
        }
        var connections = new Connection[threads];
        try {
            for (int i = 0; i < threads; i++) {
                connections[i] = dataSource.getConnection();
                connections[i].setAutoCommit(true);
            }
            return ClosedLoop.run("bare insert + commit", threads, 1, seconds, (c, n) -> {
                try (var ps = connections[c].prepareStatement(
                        "insert into bench_commit (at, note) values (clock_timestamp(), ?)")) {
                    ps.setString(1, "基准 " + n);
                    return ps.executeUpdate() == 1;
                }
            });
        } finally {
            for (var c : connections) {
                if (c != null) {
                    c.close();
                }
            }
            try (var c = dataSource.getConnection()) {
                c.createStatement().execute("drop table if exists bench_commit");
            }
        }
    }
}
