package org.siarchive.disposition;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.siarchive.capture.Captures;
import org.siarchive.capture.Upload;
import org.siarchive.catalog.Catalog;
import org.siarchive.quality.Submission;
import org.siarchive.shared.Actor;
import org.siarchive.shared.ConflictException;
import org.siarchive.shared.ReadableTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Archives a 销毁清册 permanently as an item of its own through the ordinary capture path (docs/adr/0066): the
 * filed list when it is filed (key {@code destruction-list:{listNo}}), and the executed list, with method,
 * place, time, executor and supervisors, as a second item of the same 业务受理号 once the destruction finished
 * (key {@code destruction-list:{listNo}:executed}). Step 档案鉴定销毁 (DAJDXH), materials 销毁清册 (PDF) and its
 * Excel, archive scope 01-90: 永久. A crash between the capture and the row update is healed by the next call,
 * which finds the item under its key instead of capturing again.
 */
@Component
class DestructionListArchive {

    static final String STEP = "DAJDXH";

    private final JdbcClient jdbc;
    private final Captures captures;
    private final Catalog catalog;
    private final DestructionListViews views;
    private final DestructionListDocument document;
    private final ReadableTime time;

    DestructionListArchive(
            JdbcClient jdbc,
            Captures captures,
            Catalog catalog,
            DestructionListViews views,
            DestructionListDocument document,
            ReadableTime time) {
        this.jdbc = jdbc;
        this.captures = captures;
        this.catalog = catalog;
        this.views = views;
        this.document = document;
        this.time = time;
    }

    /** The filed list as an item; idempotent. Returns its id. */
    UUID archiveFiled(long listId, Actor actor) {
        var list = views.of(listId);
        if (!list.filed()) {
            throw new ConflictException("conflict.disposition.list.notFiled", list.listNo());
        }
        if (list.archivedItemId() != null) {
            return list.archivedItemId();
        }
        UUID id = capture(list, "destruction-list:" + list.listNo(), "disposition.list.itemTitle", actor);
        jdbc.sql("update destruction_list set archived_item_id = :item where id = :id and archived_item_id is null")
                .param("item", id)
                .param("id", listId)
                .update();
        return id;
    }

    /** The executed list as a second item, once the destruction finished; idempotent. */
    UUID archiveExecuted(long listId, Actor actor) {
        var list = views.of(listId);
        if (!list.executed()) {
            throw new ConflictException("conflict.disposition.list.notExecuted", list.listNo());
        }
        if (list.executedItemId() != null) {
            return list.executedItemId();
        }
        UUID id = capture(
                list, "destruction-list:" + list.listNo() + ":executed", "disposition.list.itemTitleExecuted", actor);
        jdbc.sql("update destruction_list set executed_item_id = :item where id = :id and executed_item_id is null")
                .param("item", id)
                .param("id", listId)
                .update();
        return id;
    }

    private UUID capture(DestructionListView list, String key, String titleKey, Actor actor) {
        var earlier = catalog.itemByIdempotencyKey("key:" + key);
        if (earlier.isPresent()) {
            return earlier.get().id();
        }
        Locale zh = Locale.SIMPLIFIED_CHINESE;
        String title = document.title(titleKey, list.listNo(), zh);
        OffsetDateTime now = time.now().toOffsetDateTime();
        boolean executed = key.endsWith(":executed");
        var e = list.execution();
        String handler =
                executed && e != null ? e.executor() : list.filedBy() != null ? list.filedBy() : list.generatedBy();
        var docDate = executed && e != null && e.finishedAt() != null
                ? time.date(e.finishedAt())
                : list.filedOn() != null ? list.filedOn() : now.toLocalDate();
        var s = new Submission(
                list.fondsCode(),
                list.listNo(),
                STEP,
                null,
                title,
                list.agency(),
                docDate.toString(),
                list.filingRef(),
                null,
                null,
                null,
                handler,
                list.agency(),
                now.toString(),
                List.of(new Submission.Material("XHQC"), new Submission.Material("XHQCB")));
        var uploads = List.of(
                Upload.ofBytes(list.listNo() + ".pdf", document.pdf(list, zh)),
                Upload.ofBytes(list.listNo() + ".xlsx", document.xlsx(list, zh)));
        return captures.capture(s, uploads, key, actor).item().id();
    }
}
