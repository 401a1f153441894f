package org.siarchive.catalog;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import org.jspecify.annotations.Nullable;
import org.siarchive.audit.AuditOperation;
import org.siarchive.audit.AuditTrail;
import org.siarchive.audit.AuditedObject;
import org.siarchive.shared.Access;
import org.siarchive.shared.InvalidInputException;
import org.siarchive.shared.Violation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changes to volumes besides their making ({@link Containers#fileIntoVolume}): the 备考表 (DA/T 22, GB/T 9705:
 * 本卷情况说明, 立卷人, 检查人, 立卷时间) and putting a volume into a box. Each is audited in its transaction.
 */
@Component
public class ContainerChanges {

    /** The 备考表 as typed; the date as {@code yyyy-MM-dd}. */
    public record NoteSheet(String note, String compiledBy, String checkedBy, String compiledOn) {}

    private final JdbcClient jdbc;
    private final Containers containers;
    private final AuditTrail audit;
    private final ContainerLists lists;

    ContainerChanges(JdbcClient jdbc, Containers containers, AuditTrail audit, ContainerLists lists) {
        this.lists = lists;
        this.jdbc = jdbc;
        this.containers = containers;
        this.audit = audit;
    }

    @Transactional
    public void saveNoteSheet(long volumeId, NoteSheet sheet, Access access) {
        var volume = containers.volume(volumeId, access.scope());
        var v = new ArrayList<Violation>();
        text(v, "note", sheet.note(), 1000, false);
        text(v, "compiledBy", sheet.compiledBy(), 100, true);
        text(v, "checkedBy", sheet.checkedBy(), 100, false);
        LocalDate on = date(v, sheet.compiledOn());
        if (!v.isEmpty()) {
            throw new InvalidInputException(v);
        }
        jdbc.sql(
                        """
                update volume set note = :note, compiled_by = :by, checked_by = :checked, compiled_on = :on
                where id = :id
                """)
                .param("note", blankToNull(sheet.note()))
                .param("by", sheet.compiledBy().strip())
                .param("checked", blankToNull(sheet.checkedBy()))
                .param("on", on)
                .param("id", volumeId)
                .update();
        audit.record(
                access.actor(),
                AuditedObject.VOLUME,
                Long.toString(volumeId),
                AuditOperation.UPDATE,
                null,
                org.siarchive.audit.AuditDetail.of("audit.detail.noteSheet", volume.archiveCode())
                        .encoded());
    }

    /** Puts the volume into a box of its fonds (装盒); a volume in another box moves, audited. */
    @Transactional
    public void putVolumeIntoBox(long volumeId, long boxId, Access access) {
        var volume = containers.volume(volumeId, access.scope());
        var box = containers.box(boxId, access.scope());
        if (!lists.volume(volumeId, access.scope()).volume().fondsCode().equals(box.fondsCode())) {
            throw new InvalidInputException(Violation.of("boxId", "boxOtherFonds", volume.archiveCode()));
        }
        jdbc.sql("update volume set box_id = :b where id = :v")
                .param("b", boxId)
                .param("v", volumeId)
                .update();
        audit.record(
                access.actor(),
                AuditedObject.VOLUME,
                Long.toString(volumeId),
                AuditOperation.PUT_INTO_BOX,
                null,
                org.siarchive.audit.AuditDetail.of("audit.detail.intoBox", volume.archiveCode(), box.boxNo())
                        .encoded());
    }

    private static void text(ArrayList<Violation> v, String field, @Nullable String value, int max, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                v.add(Violation.of(field, "required"));
            }
        } else if (value.strip().length() > max) {
            v.add(Violation.of(field, "maxLength", max));
        }
    }

    private static @Nullable LocalDate date(ArrayList<Violation> v, @Nullable String value) {
        if (value == null || value.isBlank()) {
            v.add(Violation.of("compiledOn", "required"));
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            v.add(Violation.of("compiledOn", "format"));
            return null;
        }
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
