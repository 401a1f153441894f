package org.siarchive.catalog;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.siarchive.shared.Scope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The catalogue facts other modules' rules are decided on, read in bulk: a legal hold (冻结) on a person,
 * an employer or a query is evaluated against them on every check (docs/adr/0071). One query for any
 * number of ids; no personal data beyond the person's and employer's catalogue ids.
 */
@Component
public class ItemFacts {

    /** What a rule may look at: where the item is filed, what it is about, and whose unit holds it. */
    public record Fact(
            UUID id,
            String archiveCode,
            String title,
            String fondsCode,
            String categoryCode,
            String stepCode,
            @Nullable String insuranceType,
            int year,
            @Nullable Long personId,
            @Nullable Long employerId,
            String orgPath,
            String status) {}

    /**
     * Criteria matching items, as a hold's query or subject: every criterion given must hold; title words
     * must all occur in the 题名; the 档号 prefix is compared as typed.
     */
    public record Criteria(
            @Nullable Long personId,
            @Nullable Long employerId,
            @Nullable String fondsCode,
            @Nullable String categoryCode,
            @Nullable String stepCode,
            @Nullable String insuranceType,
            @Nullable Integer yearFrom,
            @Nullable Integer yearTo,
            @Nullable String archiveCodePrefix,
            List<String> titleWords) {

        public Criteria {
            titleWords = titleWords == null
                    ? List.of()
                    : titleWords.stream().filter(java.util.Objects::nonNull).toList();
        }

        public static Criteria ofPerson(long personId) {
            return new Criteria(personId, null, null, null, null, null, null, null, null, List.of());
        }

        public static Criteria ofEmployer(long employerId) {
            return new Criteria(null, employerId, null, null, null, null, null, null, null, List.of());
        }

        /** Whether the item meets every criterion given. */
        public boolean matches(Fact f) {
            return (personId == null || personId.equals(f.personId()))
                    && (employerId == null || employerId.equals(f.employerId()))
                    && (fondsCode == null || fondsCode.equals(f.fondsCode()))
                    && (categoryCode == null || categoryCode.equals(f.categoryCode()))
                    && (stepCode == null || stepCode.equals(f.stepCode()))
                    && (insuranceType == null || insuranceType.equals(f.insuranceType()))
                    && (yearFrom == null || f.year() >= yearFrom)
                    && (yearTo == null || f.year() <= yearTo)
                    && (archiveCodePrefix == null || f.archiveCode().startsWith(archiveCodePrefix))
                    && titleWords.stream().allMatch(w -> f.title().contains(w));
        }
    }

    /** A page of items: the facts of those shown and how many match in all. */
    public record Page(List<Fact> items, long total) {}

    private static final String SELECT =
            """
            select i.id, i.archive_code, i.title, f.code as fonds_code, i.category_code, i.step_code,
                   i.insurance_type, i.year, i.person_id, i.employer_id, f.org_path, i.status
            from item i join fonds f on f.id = i.fonds_id
            """;

    private final JdbcClient jdbc;

    ItemFacts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The facts of every existing item among {@code ids}, by id: one query, set-based. */
    public Map<UUID, Fact> of(Collection<UUID> ids) {
        var out = new HashMap<UUID, Fact>();
        if (ids.isEmpty()) {
            return out;
        }
        jdbc.sql(SELECT + " where i.id = any(:ids)")
                .param("ids", ids.toArray(UUID[]::new))
                .query(Fact.class)
                .list()
                .forEach(f -> out.put(f.id(), f));
        return out;
    }

    /** The employer's catalogue id by 统一社会信用代码, if it is registered. */
    public Optional<Long> employerId(String creditCode) {
        return jdbc.sql("select id from employer where credit_code = :c")
                .param("c", creditCode.strip())
                .query(Long.class)
                .optional();
    }

    /**
     * Items under {@code orgPath} (a unit's subtree) meeting the criteria that the reader's scope also
     * shows, by 档号, one page of {@code size} from {@code offset}.
     */
    public Page matching(Criteria c, String orgPath, Scope reader, int offset, int size) {
        var where = new StringBuilder(" where f.org_path like :holdOrg and " + ItemQueries.SCOPE_CLAUSE);
        var params = ItemQueries.scopeParams(reader);
        params.put("holdOrg", orgPath + "%");
        criteria(c, where, params);
        long total = jdbc.sql("select count(*) from item i join fonds f on f.id = i.fonds_id" + where)
                .params(params)
                .query(Long.class)
                .single();
        var items = jdbc.sql(SELECT + where + " order by i.archive_code limit " + size + " offset " + offset)
                .params(params)
                .query(Fact.class)
                .list();
        return new Page(items, total);
    }

    /** The given items the reader's scope shows, by 档号, one page (a hold on a list of items). */
    public Page shown(Collection<UUID> ids, Scope reader, int offset, int size) {
        var params = ItemQueries.scopeParams(reader);
        params.put("ids", ids.toArray(UUID[]::new));
        String where = " where i.id = any(:ids) and " + ItemQueries.SCOPE_CLAUSE;
        long total = jdbc.sql("select count(*) from item i join fonds f on f.id = i.fonds_id" + where)
                .params(params)
                .query(Long.class)
                .single();
        var items = jdbc.sql(SELECT + where + " order by i.archive_code limit " + size + " offset " + offset)
                .params(params)
                .query(Fact.class)
                .list();
        return new Page(items, total);
    }

    private static void criteria(Criteria c, StringBuilder where, Map<String, Object> params) {
        add(where, params, "i.person_id = :personId", "personId", c.personId());
        add(where, params, "i.employer_id = :employerId", "employerId", c.employerId());
        add(where, params, "f.code = :fondsCode", "fondsCode", c.fondsCode());
        add(where, params, "i.category_code = :categoryCode", "categoryCode", c.categoryCode());
        add(where, params, "i.step_code = :stepCode", "stepCode", c.stepCode());
        add(where, params, "i.insurance_type = :insuranceType", "insuranceType", c.insuranceType());
        add(where, params, "i.year >= :yearFrom", "yearFrom", c.yearFrom());
        add(where, params, "i.year <= :yearTo", "yearTo", c.yearTo());
        if (c.archiveCodePrefix() != null) {
            add(where, params, "left(i.archive_code, :prefixLength) = :prefix", "prefix", c.archiveCodePrefix());
            params.put("prefixLength", c.archiveCodePrefix().length());
        }
        var words = new ArrayList<String>(c.titleWords());
        for (int n = 0; n < words.size(); n++) {
            add(where, params, "strpos(i.title, :word" + n + ") > 0", "word" + n, words.get(n));
        }
    }

    private static void add(
            StringBuilder where, Map<String, Object> params, String clause, String name, @Nullable Object v) {
        if (v != null) {
            where.append(" and ").append(clause);
            params.put(name, v);
        }
    }
}
