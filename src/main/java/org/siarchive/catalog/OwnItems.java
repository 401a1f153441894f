package org.siarchive.catalog;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.siarchive.crypto.FieldCipher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A person's own items, for the person themself (the online service): found through the blind index of their
 * 公民身份号码, never by a staff scope, and with a {@link Withholding} rule applied inside the SQL — items above a
 * 密级, and business steps or categories kept internal, are neither listed nor found by id. Only preserved items
 * are the archive; items still being received or in quarantine are listed apart as in progress. Pages are
 * bounded ({@value #MAX_PAGE} lines).
 */
@Component
public class OwnItems {

    public static final int MAX_PAGE = 50;
    /** The most items one extract lists. */
    public static final int FILE_LIMIT = 2_000;

    /**
     * What a person is not shown of their own file.
     *
     * @param maxSecurityLevel the highest 密级 code shown (code table MJ: 1 公开, 2 内部, 3 敏感)
     * @param steps business step codes kept internal (e.g. 稽核)
     * @param categories material category codes kept internal (e.g. 09 稽核监管类)
     */
    public record Withholding(int maxSecurityLevel, List<String> steps, List<String> categories) {
        public Withholding {
            steps = List.copyOf(steps);
            categories = List.copyOf(categories);
        }
    }

    /** One line of the person's list: what they recognise the item by, and who handled it. */
    public record OwnItem(
            UUID id,
            String archiveCode,
            String title,
            String stepName,
            String categoryName,
            LocalDate docDate,
            OffsetDateTime handledAt,
            String fondsName,
            String handlingAgency,
            String status) {}

    /** One page of the list, and whether more follow. */
    public record Page(List<OwnItem> items, int page, boolean more) {}

    private static final String SELECT =
            """
            select i.id, i.archive_code, i.title, s.name as step_name, c.name as category_name, i.doc_date,
                   i.handled_at, f.name as fonds_name, i.handling_agency, i.status
            from item i
            join fonds f on f.id = i.fonds_id
            join material_category c on c.code = i.category_code
            join business_step s on s.code = i.step_code
            where i.person_id in (select p.id from person p where p.cert_no_index = :person)
              and i.security_level::int <= :level
              and not (i.step_code = any(:steps)) and not (i.category_code = any(:categories))
            """;

    private final JdbcClient jdbc;
    private final FieldCipher cipher;
    private final ItemQueries queries;
    private final PartyQueries parties;

    OwnItems(JdbcClient jdbc, FieldCipher cipher, ItemQueries queries, PartyQueries parties) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.queries = queries;
        this.parties = parties;
    }

    /** The person's preserved items, newest business first, {@code size} (at most {@value #MAX_PAGE}) a page. */
    public Page page(String certNo, Withholding rule, int page, int size) {
        int n = Math.max(1, Math.min(size, MAX_PAGE));
        int p = Math.max(0, Math.min(page, 10_000));
        var params = params(certNo, rule);
        params.put("n", n + 1);
        params.put("offset", (long) p * n);
        var rows = jdbc.sql(
                        SELECT + " and i.status = 'PRESERVED' order by i.handled_at desc, i.id limit :n offset :offset")
                .params(params)
                .query(OwnItem.class)
                .list();
        return new Page(rows.subList(0, Math.min(n, rows.size())), p, rows.size() > n);
    }

    /** The person's items still being received or held in quarantine (at most {@value #MAX_PAGE}). */
    public List<OwnItem> inProgress(String certNo, Withholding rule) {
        var params = params(certNo, rule);
        params.put("n", MAX_PAGE);
        return jdbc.sql(SELECT + " and i.status in ('RECEIVING', 'QUARANTINED') order by i.created_at desc limit :n")
                .params(params)
                .query(OwnItem.class)
                .list();
    }

    /** One preserved item of the person's own, with its files; empty for anyone else's, a withheld or a missing id. */
    public Optional<ItemRecord> item(String certNo, UUID id, Withholding rule) {
        var params = params(certNo, rule);
        params.put("id", id);
        boolean own = jdbc.sql("select count(*) from (" + SELECT + " and i.status = 'PRESERVED' and i.id = :id) x")
                        .params(params)
                        .query(Long.class)
                        .single()
                > 0;
        return own ? queries.byIds(List.of(id)).stream().findFirst() : Optional.empty();
    }

    /**
     * The person's file as an extract lists it: the person (identity masked) and every preserved item shown to
     * them under the rule (at most {@value #FILE_LIMIT}), by business time; empty when there is none.
     */
    public Optional<PartyFile> file(String certNo, Withholding rule) {
        var personId = parties.personId(certNo);
        if (personId.isEmpty()) {
            return Optional.empty();
        }
        var params = params(certNo, rule);
        var items = queries.summaries(
                """
                i.person_id in (select p.id from person p where p.cert_no_index = :person) and i.status = 'PRESERVED'
                and i.security_level::int <= :level
                and not (i.step_code = any(:steps)) and not (i.category_code = any(:categories))""",
                params,
                "i.handled_at, i.archive_code",
                FILE_LIMIT,
                org.siarchive.shared.Scope.EVERYTHING);
        return items.isEmpty()
                ? Optional.empty()
                : parties.person(personId.get()).map(p -> new PartyFile(PartyFiles.masked(p), items));
    }

    private Map<String, Object> params(String certNo, Withholding rule) {
        var m = new HashMap<String, Object>();
        m.put("person", cipher.blindIndex(certNo, ItemQueries.CERT_CONTEXT));
        m.put("level", rule.maxSecurityLevel());
        m.put("steps", rule.steps().toArray(String[]::new));
        m.put("categories", rule.categories().toArray(String[]::new));
        return m;
    }
}
