package org.siarchive.comparison;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The datasets a run reads within an organisation subtree: of the snapshot kinds (BENEFIT, ENROLMENT) the
 * newest LOADED dataset of each unit, of the list kinds every LOADED dataset. The reference part's public
 * {@code Datasets.active(kind, orgPattern)} states the same rule; runs switch to it once both are merged.
 */
@Component
class RunDatasets {

    private static final String SQL =
            """
            select id, kind, source, org_id, org_path, file_sm3, rows_loaded from (
                select distinct on (org_id, kind) * from reference_dataset
                where state = 'LOADED' and kind in ('BENEFIT', 'ENROLMENT') and org_path like :org
                order by org_id, kind, finished_at desc nulls last, id desc) snapshots
            union all
            select id, kind, source, org_id, org_path, file_sm3, rows_loaded from reference_dataset
            where state = 'LOADED' and kind not in ('BENEFIT', 'ENROLMENT') and org_path like :org
            order by 1""";

    private final JdbcClient jdbc;

    RunDatasets(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<RunDataset> active(String orgPattern) {
        return jdbc.sql(SQL).param("org", orgPattern).query(RunDataset.class).list();
    }
}
