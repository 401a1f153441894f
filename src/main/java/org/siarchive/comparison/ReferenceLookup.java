package org.siarchive.comparison;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the latest loaded snapshots say about one person, for verification answers (the sharing module) and
 * pages: their enrolments and their benefits, from the snapshots {@link Datasets#active} names (the newest
 * {@code LOADED} ENROLMENT and BENEFIT dataset of each unit within an organisation subtree). Looked up by
 * token, so no ID number is compared in clear.
 */
@Component
public class ReferenceLookup {

    /** One enrolment (参保) or benefit (待遇) row as the business system reported it. */
    public record Relation(
            @Nullable String scheme,
            @Nullable LocalDate since,
            @Nullable LocalDate until,
            @Nullable String status,
            @Nullable String regionCode,
            @Nullable String agencyCode,
            @Nullable LocalDate lastPaid,
            LocalDate asOf) {

        public boolean active() {
            return status == null || "ACTIVE".equals(status);
        }
    }

    /** A person's relations, both lists empty when the snapshots do not know them. */
    public record PersonRelations(List<Relation> enrolments, List<Relation> benefits) {

        public boolean known() {
            return !enrolments.isEmpty() || !benefits.isEmpty();
        }
    }

    private static final String ROWS =
            """
            select r.scheme, r.start_date, r.end_date, r.status, r.region_code, r.agency_code, r.last_paid,
                   coalesce(d.as_of, d.finished_at::date)
            from reference_row r join reference_dataset d on d.id = r.dataset_id
            where r.dataset_id = any(:ids) and r.token = :token
            order by r.start_date nulls last, r.scheme""";

    private final JdbcClient jdbc;
    private final ReferenceTokens tokens;
    private final Datasets datasets;

    ReferenceLookup(JdbcClient jdbc, ReferenceTokens tokens, Datasets datasets) {
        this.jdbc = jdbc;
        this.tokens = tokens;
        this.datasets = datasets;
    }

    /** The person's relations in the snapshots of units under {@code orgPattern} (a path LIKE pattern). */
    public PersonRelations of(String certNo, String orgPattern) {
        byte[] token = tokens.token(certNo);
        return new PersonRelations(
                relations(Datasets.Kind.ENROLMENT, token, orgPattern),
                relations(Datasets.Kind.BENEFIT, token, orgPattern));
    }

    private List<Relation> relations(Datasets.Kind kind, byte[] token, String orgPattern) {
        Long[] ids = datasets.active(kind, orgPattern).stream()
                .map(Datasets.Active::id)
                .toArray(Long[]::new);
        if (ids.length == 0) {
            return List.of();
        }
        return jdbc.sql(ROWS)
                .param("ids", ids)
                .param("token", token)
                .query((rs, n) -> new Relation(
                        rs.getString(1),
                        rs.getObject(2, LocalDate.class),
                        rs.getObject(3, LocalDate.class),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getObject(7, LocalDate.class),
                        rs.getObject(8, LocalDate.class)))
                .list();
    }
}
