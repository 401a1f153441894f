package org.siarchive.digitisation;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.siarchive.catalog.Catalog;
import org.siarchive.shared.Access;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What a scanned item's pages repeat, as one viewer may see it (docs/adr/0063): pages of other batches found
 * by {@link RepeatedPages} — an earlier page not filed is named by its batch and page number only when that
 * batch is in the viewer's scope (otherwise not revealed at all); a page already filed leads to the catalogue
 * item it became, named by 档号 inside the viewer's scope and only as "数据范围以外" outside it.
 */
@Component
class PageRepeats {

    private final JdbcClient jdbc;
    private final Catalog catalog;

    PageRepeats(JdbcClient jdbc, Catalog catalog) {
        this.jdbc = jdbc;
        this.catalog = catalog;
    }

    private record Row(
            int seq,
            String kind,
            int distance,
            UUID earlierBatch,
            String earlierBatchName,
            int earlierSeq,
            @Nullable UUID filedAs,
            boolean batchInScope) {}

    List<ScanDuplicates.Repeat> of(UUID scanItem, Access access) {
        var rows = jdbc.sql(
                        """
                select p.seq, r.kind, r.distance, e.batch_id as earlier_batch, b.name as earlier_batch_name,
                       e.seq as earlier_seq, case when i.status = 'CONFIRMED' then i.item_id end as filed_as,
                       b.org_path like :org as batch_in_scope
                from scan_page_repeat r
                join scan_page p on p.id = r.page_id
                join scan_page e on e.id = r.earlier_id
                join scan_batch b on b.id = e.batch_id
                left join scan_item i on i.id = e.item_id
                where p.item_id = :item and p.status = 'DONE' and e.status = 'DONE' and p.superseded_at is null and e.superseded_at is null
                  and (i.status is null or i.status <> 'DISCARDED')
                order by p.seq, r.distance, e.id
                """)
                .param("item", scanItem)
                .param("org", access.scope().orgPattern())
                .query(Row.class)
                .list();
        var out = new ArrayList<ScanDuplicates.Repeat>();
        for (var r : rows) {
            if (r.filedAs() != null) {
                boolean named = catalog.inScope(r.filedAs(), access.scope());
                out.add(new ScanDuplicates.Repeat(
                        r.seq(),
                        r.kind(),
                        r.distance(),
                        r.batchInScope() ? r.earlierBatch() : null,
                        r.batchInScope() ? r.earlierBatchName() : null,
                        r.batchInScope() ? r.earlierSeq() : null,
                        named ? r.filedAs() : null,
                        named ? catalog.requireItem(r.filedAs()).archiveCode() : null,
                        !named));
            } else if (r.batchInScope()) {
                out.add(new ScanDuplicates.Repeat(
                        r.seq(),
                        r.kind(),
                        r.distance(),
                        r.earlierBatch(),
                        r.earlierBatchName(),
                        r.earlierSeq(),
                        null,
                        null,
                        false));
            }
        }
        return out;
    }
}
