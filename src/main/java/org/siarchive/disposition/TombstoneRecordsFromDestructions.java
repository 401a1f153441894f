package org.siarchive.disposition;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.siarchive.catalog.TombstoneRecords;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Catalog's {@link TombstoneRecords} port read from disposition's own tables (V16_1): the destruction that
 * names the item, its 销毁清册 and appraisal batch. A stand-in until the destruction engine's
 * {@code DestructionRecords} implements the port itself (issue 16, parts "destroy" and "copies"); the
 * backups still holding the content are the {@code backups_holding} JSON array (strings, or objects with a
 * {@code name} or {@code id}).
 */
@Component
class TombstoneRecordsFromDestructions implements TombstoneRecords {

    private final JdbcClient jdbc;

    TombstoneRecordsFromDestructions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Destruction> of(UUID itemId) {
        return jdbc.sql(
                        """
                select d.method, d.place, d.executor, d.supervisor_1, d.supervisor_2, b.batch_no, l.list_no,
                       coalesce(di.purged_at, d.finished_at, d.started_at),
                       coalesce((select string_agg(coalesce(e ->> 'name', e ->> 'id', e #>> '{}'), '|')
                                 from jsonb_array_elements(case when jsonb_typeof(di.backups_holding) = 'array'
                                      then di.backups_holding else '[]'::jsonb end) e), '')
                from destruction_item di join destruction d on d.id = di.destruction_id
                join destruction_list l on l.id = d.list_id join appraisal_batch b on b.id = d.batch_id
                where di.item_id = :id
                """)
                .param("id", itemId)
                .query((rs, n) -> new Destruction(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        List.of(rs.getString(4), rs.getString(5)),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getObject(8, OffsetDateTime.class),
                        rs.getString(9).isEmpty()
                                ? List.of()
                                : Arrays.asList(rs.getString(9).split("\\|"))))
                .optional();
    }
}
