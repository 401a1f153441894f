package org.siarchive.catalog;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.siarchive.shared.Scope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The records around an item, as a small graph: the item's person (参保人), employer (参保单位) and business
 * case (业务受理号) as nodes, each with the other items attached to it; and "same person, same event"
 * suggestions — the person's items of the same case or handled within a week of this one, closest first.
 * Only items within the reader's scope are returned.
 */
@Component
public class RelatedRecords {

    static final int LIMIT = 20;

    private final JdbcClient jdbc;

    RelatedRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A related item. */
    public record Related(
            UUID id, String archiveCode, String title, String stepName, OffsetDateTime handledAt, String relation) {}

    /** A node of the graph: what it is, its label, and the items attached to it. */
    public record Node(String kind, String label, List<Related> items) {}

    /** The neighbourhood of one item, grouped by node, plus the suggestions. */
    public record Graph(List<Node> nodes, List<Related> sameEvent) {}

    public Graph of(ItemRecord item, Scope scope) {
        var row = jdbc.sql("select person_id, employer_id, acceptance_no, handled_at from item where id = :id")
                .param("id", item.id())
                .query((rs, n) -> new Object[] {
                    rs.getObject("person_id"),
                    rs.getObject("employer_id"),
                    rs.getString("acceptance_no"),
                    rs.getObject("handled_at", OffsetDateTime.class)
                })
                .single();
        Long person = row[0] == null ? null : ((Number) row[0]).longValue();
        Long employer = row[1] == null ? null : ((Number) row[1]).longValue();
        String acceptance = (String) row[2];
        var nodes = new ArrayList<Node>();
        if (person != null) {
            nodes.add(new Node(
                    "PERSON",
                    item.personName() == null ? "" : item.personName(),
                    items("i.person_id = :v", person, item.id(), scope, "PERSON")));
        }
        if (employer != null) {
            nodes.add(new Node(
                    "EMPLOYER",
                    item.employerName() == null ? "" : item.employerName(),
                    items("i.employer_id = :v", employer, item.id(), scope, "EMPLOYER")));
        }
        nodes.add(new Node("CASE", acceptance, items("i.acceptance_no = :v", acceptance, item.id(), scope, "CASE")));
        var sameEvent = new ArrayList<Related>();
        if (person != null) {
            var params = new LinkedHashMap<String, Object>(ItemQueries.scopeParams(scope));
            params.put("p", person);
            params.put("self", item.id());
            params.put("acc", acceptance);
            params.put("at", row[3]);
            params.put("preserved", ItemState.PRESERVED.name());
            jdbc.sql(
                            """
                    select i.id, i.archive_code, i.title, s.name as step_name, i.handled_at,
                           case when i.acceptance_no = :acc then 'SAME_CASE' else 'SAME_WEEK' end as relation
                    from item i join fonds f on f.id = i.fonds_id
                    join business_step s on s.code = i.step_code
                    where i.person_id = :p and i.id <> :self and i.status = :preserved
                      and (i.acceptance_no = :acc or i.handled_at between :at::timestamptz - interval '7 days'
                                                                     and :at::timestamptz + interval '7 days')
                      and """
                                    + ItemQueries.SCOPE_CLAUSE
                                    + """
                     order by (i.acceptance_no = :acc) desc, abs(extract(epoch from i.handled_at - :at::timestamptz))
                     limit 10
                    """)
                    .params(params)
                    .query(Related.class)
                    .list()
                    .forEach(sameEvent::add);
        }
        return new Graph(nodes, sameEvent);
    }

    private List<Related> items(String where, @Nullable Object value, UUID self, Scope scope, String relation) {
        Map<String, Object> params = new LinkedHashMap<>(ItemQueries.scopeParams(scope));
        params.put("v", value);
        params.put("self", self);
        params.put("rel", relation);
        params.put("preserved", ItemState.PRESERVED.name());
        return jdbc.sql(
                        """
                select i.id, i.archive_code, i.title, s.name as step_name, i.handled_at, :rel as relation
                from item i join fonds f on f.id = i.fonds_id
                join business_step s on s.code = i.step_code
                where\s"""
                                + where
                                + " and i.id <> :self and i.status = :preserved and "
                                + ItemQueries.SCOPE_CLAUSE
                                + " order by i.handled_at desc limit "
                                + LIMIT)
                .params(params)
                .query(Related.class)
                .list();
    }
}
