package org.siarchive.catalog;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.siarchive.shared.Scope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the console shows of volumes (案卷) and boxes (档案盒), within the reader's scope: the lists, a
 * volume's items with its 备考表, a box's volumes and items. The items a person means by the 档号 they type
 * are {@link ArchiveCodeLookup}'s answer.
 */
@Component
public class ContainerLists {

    /** A volume in the list. */
    public record VolumeRow(
            long id,
            String archiveCode,
            String title,
            String fondsCode,
            int year,
            String retentionName,
            int itemCount,
            @Nullable Long boxId,
            @Nullable String boxNo) {}

    /** A volume's 备考表 and when it was made. */
    public record VolumeSheet(
            VolumeRow volume,
            @Nullable String note,
            @Nullable String compiledBy,
            @Nullable String checkedBy,
            @Nullable LocalDate compiledOn,
            OffsetDateTime createdAt) {}

    /** A box in the list. */
    public record BoxRow(long id, String fondsCode, String fondsName, String boxNo, int volumeCount, int itemCount) {}

    /** An item inside a volume or a box. */
    public record ItemRow(
            UUID id,
            String archiveCode,
            int itemNo,
            String title,
            String responsible,
            LocalDate docDate,
            int year,
            String retentionName,
            @Nullable Integer pageCount,
            @Nullable String volumeCode) {}

    private static final String VOLUME_SELECT =
            """
            select v.id, v.archive_code, v.title, f.code as fonds_code, v.year, r.name as retention_name,
                   (select count(*) from item i where i.volume_id = v.id) as item_count, v.box_id, b.box_no
            from volume v join fonds f on f.id = v.fonds_id join retention_period r on r.code = v.retention_code
            left join box b on b.id = v.box_id
            where f.org_path like :scopeOrg and (:scopeAllFonds or f.id = any(:scopeFonds))
            """;

    private static final String ITEM_SELECT =
            """
            select i.id, i.archive_code, i.item_no, i.title, i.responsible, i.doc_date, i.year, r.name as retention_name,
                   i.page_count, v.archive_code as volume_code
            from item i join fonds f on f.id = i.fonds_id join retention_period r on r.code = i.retention_code
            left join volume v on v.id = i.volume_id
            where\s"""
                    + ItemQueries.SCOPE_CLAUSE;

    private final JdbcClient jdbc;

    ContainerLists(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<VolumeRow> volumes(Scope scope) {
        return jdbc.sql(VOLUME_SELECT + " order by v.year desc, v.archive_code limit 500")
                .params(ItemQueries.scopeParams(scope))
                .query(VolumeRow.class)
                .list();
    }

    public List<VolumeRow> volumesInBox(long boxId, Scope scope) {
        var p = ItemQueries.scopeParams(scope);
        p.put("b", boxId);
        return jdbc.sql(VOLUME_SELECT + " and v.box_id = :b order by v.archive_code")
                .params(p)
                .query(VolumeRow.class)
                .list();
    }

    /** A volume with its 备考表; 404 outside the scope. */
    public VolumeSheet volume(long id, Scope scope) {
        var p = ItemQueries.scopeParams(scope);
        p.put("id", id);
        var row = jdbc.sql(VOLUME_SELECT + " and v.id = :id")
                .params(p)
                .query(VolumeRow.class)
                .optional()
                .orElseThrow(() -> new org.siarchive.shared.NotFoundException("VOLUME", Long.toString(id)));
        return jdbc.sql("select note, compiled_by, checked_by, compiled_on, created_at from volume where id = :id")
                .param("id", id)
                .query((rs, n) -> new VolumeSheet(
                        row,
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getObject(4, LocalDate.class),
                        rs.getObject(5, OffsetDateTime.class)))
                .single();
    }

    public List<BoxRow> boxes(Scope scope) {
        return jdbc.sql(
                        """
                select b.id, f.code as fonds_code, f.name as fonds_name, b.box_no,
                       (select count(*) from volume v where v.box_id = b.id) as volume_count,
                       (select count(*) from item i where i.box_id = b.id) as item_count
                from box b join fonds f on f.id = b.fonds_id
                where f.org_path like :scopeOrg and (:scopeAllFonds or f.id = any(:scopeFonds))
                order by f.code, b.box_no limit 500
                """)
                .params(ItemQueries.scopeParams(scope))
                .query(BoxRow.class)
                .list();
    }

    /** The items of a volume the reader may see, in 件号 order. */
    public List<ItemRow> itemsInVolume(long volumeId, Scope scope) {
        var p = ItemQueries.scopeParams(scope);
        p.put("v", volumeId);
        return jdbc.sql(ITEM_SELECT + " and i.volume_id = :v order by i.archive_code")
                .params(p)
                .query(ItemRow.class)
                .list();
    }

    /** The items in a box (directly, or in a volume in it) the reader may see, by 档号. */
    public List<ItemRow> itemsInBox(long boxId, Scope scope) {
        var p = ItemQueries.scopeParams(scope);
        p.put("b", boxId);
        return jdbc.sql(ITEM_SELECT + " and (i.box_id = :b or v.box_id = :b) order by i.archive_code")
                .params(p)
                .query(ItemRow.class)
                .list();
    }
}
