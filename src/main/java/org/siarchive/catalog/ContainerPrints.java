package org.siarchive.catalog;

import java.util.List;
import java.util.Locale;
import org.siarchive.audit.AuditOperation;
import org.siarchive.audit.AuditTrail;
import org.siarchive.audit.AuditedObject;
import org.siarchive.shared.Access;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Prints a volume's 备考表 and a box's labels in the reader's language; each print is audited. */
@Component
class ContainerPrints {

    private final NoteSheetPdf noteSheets;
    private final BoxLabelPdf boxLabels;
    private final MessageSource messages;
    private final AuditTrail audit;
    private final TransactionTemplate tx;

    ContainerPrints(
            NoteSheetPdf noteSheets,
            BoxLabelPdf boxLabels,
            MessageSource messages,
            AuditTrail audit,
            TransactionTemplate tx) {
        this.noteSheets = noteSheets;
        this.boxLabels = boxLabels;
        this.messages = messages;
        this.audit = audit;
        this.tx = tx;
    }

    byte[] noteSheet(
            ContainerLists.VolumeSheet sheet, List<ContainerLists.ItemRow> items, Access access, Locale locale) {
        byte[] pdf = noteSheets.write(sheet, items, labels(locale));
        tx.executeWithoutResult(s -> audit.record(
                access.actor(),
                AuditedObject.VOLUME,
                Long.toString(sheet.volume().id()),
                AuditOperation.PRINT,
                null,
                org.siarchive.audit.AuditDetail.of(
                                "audit.detail.noteSheet", sheet.volume().archiveCode())
                        .encoded()));
        return pdf;
    }

    byte[] boxLabels(ContainerLists.BoxRow box, List<ContainerLists.ItemRow> items, Access access, Locale locale) {
        byte[] pdf = boxLabels.write(BoxLabelPdf.Facts.of(box, items), labels(locale));
        tx.executeWithoutResult(s -> audit.record(
                access.actor(),
                AuditedObject.BOX,
                Long.toString(box.id()),
                AuditOperation.PRINT,
                null,
                org.siarchive.audit.AuditDetail.of("audit.detail.boxLabels", box.boxNo())
                        .encoded()));
        return pdf;
    }

    private SheetLabels labels(Locale locale) {
        return (key, args) -> messages.getMessage(key, args, locale);
    }
}
