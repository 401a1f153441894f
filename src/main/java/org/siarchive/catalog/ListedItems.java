package org.siarchive.catalog;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What a 销毁清册 prints of each item (档号, 题名, 年度, 保管期限, 页数, 原保管期满日期) and where its paper stands,
 * read by the disposition module, which may not read the catalogue's tables itself (docs/adr/0039). Unscoped:
 * the caller has already checked the batch's scope; ids that do not exist are left out.
 */
@Component
public class ListedItems {

    /** One item as the list shows it; {@code location} is its volume's, else its box's, else null. */
    public record Fact(
            UUID id,
            String archiveCode,
            String title,
            int year,
            String retentionCode,
            @Nullable Integer pageCount,
            @Nullable LocalDate retentionEnd,
            String status,
            long fondsId,
            @Nullable String volumeCode,
            @Nullable String boxNo,
            @Nullable String location) {}

    private final JdbcClient jdbc;
    private final AppraisalFacts facts;

    ListedItems(JdbcClient jdbc, AppraisalFacts facts) {
        this.jdbc = jdbc;
        this.facts = facts;
    }

    /** The facts of the items, in 档号 order. */
    public List<Fact> facts(Collection<UUID> itemIds) {
        if (itemIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(
                        """
                select i.id, i.archive_code, i.title, i.year, i.retention_code,
                       coalesce(i.page_count, (select count(*) from item_file x where x.item_id = i.id))::int
                           as page_count, i.retention_end,
                       i.status, i.fonds_id, v.archive_code as volume_code, coalesce(b.box_no, vb.box_no) as box_no,
                       (select l.room || ' ' || l.shelf || '-' || l.layer || '-' || l.cell from storage_location l
                        where l.id = coalesce(v.location_id, vb.location_id, b.location_id)) as location
                from item i left join volume v on v.id = i.volume_id left join box vb on vb.id = v.box_id
                left join box b on b.id = i.box_id
                where i.id = any(:ids) order by i.archive_code""")
                .param("ids", itemIds.toArray(UUID[]::new))
                .query(Fact.class)
                .list();
    }

    /** The code of a fonds by id, with its 立档单位 (agency) — the head of a list. */
    public record FondsHead(String code, String name, String agency) {}

    public FondsHead fonds(long fondsId) {
        return jdbc.sql("select code, name, agency from fonds where id = :id")
                .param("id", fondsId)
                .query(FondsHead.class)
                .single();
    }

    /** Whether the fonds lies in the caller's data scope (its organisation subtree and fonds list). */
    public boolean fondsInScope(long fondsId, org.siarchive.shared.Scope scope) {
        return facts.fondsInScope(fondsId, scope);
    }
}
