package org.siarchive.comparison;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Which reference datasets a comparison uses: for the snapshot kinds (BENEFIT, ENROLMENT) the newest
 * {@code LOADED} dataset of each unit within the subtree, for the list kinds every {@code LOADED} dataset. The
 * engine joins on {@code reference_row.dataset_id in (ids)} and records each dataset's digest as a run input.
 */
@Component
public class Datasets {

    /** The dataset kinds (reference_dataset.kind). */
    public enum Kind {
        BENEFIT,
        ENROLMENT,
        CONTRIBUTION,
        DEATH,
        SENTENCE,
        EXIT,
        OTHER_REGION_PAYMENT,
        OTHER_REGION_ENROLMENT,
        ASSISTANCE;

        /** Snapshot kinds replace the unit's previous snapshot; list kinds accumulate until withdrawn. */
        public boolean snapshot() {
            return this == BENEFIT || this == ENROLMENT;
        }
    }

    /** One dataset a comparison may use. */
    public record Active(
            long id, Kind kind, String source, String fileSm3, long rowsLoaded, long orgId, @Nullable LocalDate asOf) {}

    private static final String SNAPSHOTS =
            """
            select distinct on (org_id) id, kind, source, file_sm3, rows_loaded, org_id, as_of
            from reference_dataset
            where kind = :kind and state = 'LOADED' and org_path like :org
            order by org_id, finished_at desc, id desc""";

    private static final String LISTS =
            """
            select id, kind, source, file_sm3, rows_loaded, org_id, as_of
            from reference_dataset
            where kind = :kind and state = 'LOADED' and org_path like :org
            order by id""";

    private final JdbcClient jdbc;

    Datasets(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The datasets of {@code kind} to compare within {@code orgPattern} (an org_path LIKE pattern). */
    public List<Active> active(Kind kind, String orgPattern) {
        return jdbc
                .sql(kind.snapshot() ? SNAPSHOTS : LISTS)
                .param("kind", kind.name())
                .param("org", orgPattern)
                .query((rs, n) -> new Active(
                        rs.getLong(1),
                        Kind.valueOf(rs.getString(2)),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getLong(5),
                        rs.getLong(6),
                        rs.getObject(7, LocalDate.class)))
                .list()
                .stream()
                .sorted(java.util.Comparator.comparingLong(Active::id))
                .toList();
    }
}
