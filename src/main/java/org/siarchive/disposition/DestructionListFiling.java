package org.siarchive.disposition;

import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.siarchive.catalog.PhysicalOriginals;
import org.siarchive.shared.Access;
import org.siarchive.shared.Actor;
import org.siarchive.shared.InvalidInputException;
import org.siarchive.shared.Violation;
import org.springframework.stereotype.Component;

/**
 * 备案 and archiving of a 销毁清册, in that order: the filing commits first (audited with it), then the filed
 * list is captured as a permanent item — outside the filing's transaction, because capture commits its own
 * steps. Filing again with the same date and reference, or after a crash between the two, only completes the
 * archiving (docs/adr/0066).
 */
@Component
public class DestructionListFiling {

    private final DestructionLists lists;
    private final DestructionListArchive archive;
    private final PhysicalOriginals originals;

    DestructionListFiling(DestructionLists lists, DestructionListArchive archive, PhysicalOriginals originals) {
        this.lists = lists;
        this.archive = archive;
        this.originals = originals;
    }

    /** The archivist confirms the paper of a marked box or volume destroyed (date, method); audited. */
    public void confirmPhysical(
            long listId,
            @Nullable String kind,
            long containerId,
            @Nullable String destroyedOn,
            @Nullable String method,
            Access access) {
        var list = lists.view(listId, access);
        LocalDate on = null;
        if (destroyedOn != null && !destroyedOn.isBlank()) {
            try {
                on = LocalDate.parse(destroyedOn.strip());
            } catch (java.time.format.DateTimeParseException e) {
                throw new InvalidInputException(Violation.of("destroyedOn", "dateFormat"));
            }
        }
        originals.confirm(kind == null ? "" : kind, containerId, list.listNo(), on, method, access);
    }

    /** Files the list and archives it; returns the archived item's id. */
    public UUID file(long listId, @Nullable String filedOn, @Nullable String reference, Access access) {
        lists.file(listId, filedOn, reference, access);
        return archive.archiveFiled(listId, access.actor());
    }

    /**
     * For the destruction part, once the batch's destruction is FINISHED: archives the executed list (method,
     * place, time, executor, supervisors filled in) as a second permanent item; idempotent.
     */
    public UUID archiveExecuted(long batchId, Actor actor) {
        long listId = lists.ofBatch(batchId)
                .orElseThrow(
                        () -> new org.siarchive.shared.ConflictException("conflict.disposition.list.missing", batchId));
        return archive.archiveExecuted(listId, actor);
    }
}
