package org.siarchive.lending;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.siarchive.audit.AuditDetail;
import org.siarchive.audit.AuditOperation;
import org.siarchive.audit.AuditTrail;
import org.siarchive.audit.AuditedObject;
import org.siarchive.catalog.Catalog;
import org.siarchive.catalog.ItemRecord;
import org.siarchive.preservation.Fixity;
import org.siarchive.preservation.Preservation;
import org.siarchive.shared.Access;
import org.siarchive.shared.NotFoundException;
import org.siarchive.shared.ReadableTime;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What a grant allows: pages of the granted items viewed with the watermark, and — only when the grant
 * says so — the original file downloaded or a page sent for printing. Every use is checked against the
 * grant (applicant, item, period), read through fixity verification, audited and written to the
 * utilisation register in one transaction before the bytes are sent.
 */
@Component
public class GrantedUse {

    private final LoanRequests requests;
    private final Catalog catalog;
    private final Preservation preservation;
    private final AuditTrail audit;
    private final Utilisation register;
    private final TransactionTemplate tx;
    private final ReadableTime time;
    private final org.siarchive.catalog.Tombstones tombstones;

    GrantedUse(
            LoanRequests requests,
            Catalog catalog,
            Preservation preservation,
            AuditTrail audit,
            Utilisation register,
            TransactionTemplate tx,
            ReadableTime time,
            org.siarchive.catalog.Tombstones tombstones) {
        this.tombstones = tombstones;
        this.requests = requests;
        this.catalog = catalog;
        this.preservation = preservation;
        this.audit = audit;
        this.register = register;
        this.tx = tx;
        this.time = time;
    }

    /** One viewable page: a file of the item and a page in it. */
    public record PageRef(int seq, int page, String materialName) {}

    /** The pages of a granted item, in file order. */
    public List<PageRef> pages(long requestId, UUID itemId, Access access) {
        requests.grant(requestId, itemId, access);
        var item = catalog.requireItem(itemId);
        tombstones.refuseIfDestroyed(item); // 410: the grant ended with the item (docs/adr/0070)
        var out = new ArrayList<PageRef>();
        for (var f : item.files()) {
            int n;
            try (var in = open(item, f)) {
                n = WatermarkedPages.pageCount(f.mediaType(), in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            for (int p = 1; p <= n; p++) {
                out.add(new PageRef(f.seq(), p, f.materialName()));
            }
        }
        return out;
    }

    /** A page with the watermark burned in; {@code print} needs a grant that allows printing. */
    public byte[] page(long requestId, UUID itemId, int seq, int page, boolean print, Access access) {
        var grant = requests.grant(requestId, itemId, access);
        if (print && !grant.allowPrint()) {
            throw new NotFoundException("GRANT", requestId + "/" + itemId + "/print");
        }
        var item = catalog.requireItem(itemId);
        tombstones.refuseIfDestroyed(item); // 410: the grant ended with the item (docs/adr/0070)
        var file = file(item, seq);
        var text = WatermarkText.of(access.actor(), catalog.now(), requestId, item.archiveCode(), print, time);
        byte[] png;
        try (var in = open(item, file)) {
            png = WatermarkedPages.render(file.mediaType(), in, page, text.first(), text.second());
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("PAGE", itemId + "/" + seq + "/" + page);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        use(
                print ? "PRINT" : "VIEW",
                grant,
                item,
                AuditDetail.of("audit.detail.loanPage", item.archiveCode(), seq, page, grant.id())
                        .encoded(),
                access);
        return png;
    }

    /** The original file, only under a grant that allows download. */
    public Download download(long requestId, UUID itemId, int seq, Access access) {
        var grant = requests.grant(requestId, itemId, access);
        if (!grant.allowDownload()) {
            throw new NotFoundException("GRANT", requestId + "/" + itemId + "/download");
        }
        var item = catalog.requireItem(itemId);
        tombstones.refuseIfDestroyed(item); // 410: the grant ended with the item (docs/adr/0070)
        var file = file(item, seq);
        use(
                "DOWNLOAD",
                grant,
                item,
                AuditDetail.of("audit.detail.loanFile", item.archiveCode(), seq, grant.id())
                        .encoded(),
                access);
        return new Download(
                file.originalName(),
                file.mediaType(),
                file.sizeBytes(),
                preservation.read(
                        item.objectId(), file.logicalPath(), new Fixity(file.sizeBytes(), file.sm3(), file.sha256())));
    }

    public record Download(String name, String mediaType, long size, InputStream content) {}

    private void use(String kind, LoanRequests.Request grant, ItemRecord item, String detail, Access access) {
        tx.executeWithoutResult(s -> {
            audit.record(access.actor(), AuditedObject.ITEM, item.id().toString(), operation(kind), null, detail);
            register.record(
                    kind,
                    grant.id(),
                    null,
                    item.id(),
                    item.archiveCode(),
                    Utilisation.Use.byAccount(access, grant.purposeCode(), grant.purpose()),
                    access);
        });
    }

    private static ItemRecord.ItemFile file(ItemRecord item, int seq) {
        return item.files().stream()
                .filter(f -> f.seq() == seq)
                .findFirst()
                .orElseThrow(() -> new NotFoundException("FILE", item.id() + "/" + seq));
    }

    private InputStream open(ItemRecord item, ItemRecord.ItemFile f) {
        return preservation.read(item.objectId(), f.logicalPath(), new Fixity(f.sizeBytes(), f.sm3(), f.sha256()));
    }

    private static AuditOperation operation(String kind) {
        return switch (kind) {
            case "VIEW" -> AuditOperation.LOAN_VIEW;
            case "PRINT" -> AuditOperation.LOAN_PRINT;
            case "DOWNLOAD" -> AuditOperation.LOAN_DOWNLOAD;
            default -> throw new IllegalArgumentException("no audited use " + kind);
        };
    }
}
