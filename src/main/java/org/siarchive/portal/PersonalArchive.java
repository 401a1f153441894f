package org.siarchive.portal;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.UUID;
import org.siarchive.audit.AuditDetail;
import org.siarchive.audit.AuditOperation;
import org.siarchive.audit.AuditTrail;
import org.siarchive.audit.AuditedObject;
import org.siarchive.catalog.ItemRecord;
import org.siarchive.catalog.OwnItems;
import org.siarchive.continuation.PersonCases;
import org.siarchive.lending.WatermarkedCopies;
import org.siarchive.shared.Access;
import org.siarchive.shared.Actor;
import org.siarchive.shared.NotFoundException;
import org.siarchive.shared.ReadableTime;
import org.siarchive.shared.Scope;
import org.siarchive.sharing.ExchangeRegister;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A signed-in person's own archive: always found by the 公民身份号码 of their account, never by anything the
 * request names, so another person's item id answers 404 exactly like a missing one — and that refusal is
 * audited (READ, {@code DENIED}) in a transaction of its own. Every read, list and download is audited with the
 * portal actor ({@code portal:<account>}).
 */
@Component
class PersonalArchive {

    /** Items a page shows. */
    static final int PAGE_SIZE = 20;
    /** Lines of the exchange register shown. */
    static final int INQUIRIES = 50;

    /** The person at the screen: their account, their own ID number and the actor the audit names. */
    record Me(long accountId, String displayName, String certNo, Actor actor) {
        Access access() {
            return new Access(actor, new Scope("/", null, 0), java.util.Set.of());
        }
    }

    /** What the platform knows of the person's business still in progress. */
    record Progress(List<PersonCases.OpenCase> cases, List<OwnItems.OwnItem> items) {}

    private final PortalAccounts accounts;
    private final OwnItems items;
    private final PersonCases cases;
    private final ExchangeRegister register;
    private final WatermarkedCopies copies;
    private final PortalWithholding withholding;
    private final AuditTrail audit;
    private final ReadableTime time;

    PersonalArchive(
            PortalAccounts accounts,
            OwnItems items,
            PersonCases cases,
            ExchangeRegister register,
            WatermarkedCopies copies,
            PortalWithholding withholding,
            AuditTrail audit,
            ReadableTime time) {
        this.accounts = accounts;
        this.items = items;
        this.cases = cases;
        this.register = register;
        this.copies = copies;
        this.withholding = withholding;
        this.audit = audit;
        this.time = time;
    }

    Me me(PortalUser user, HttpServletRequest request) {
        if (!user.person()) {
            throw new NotFoundException("PORTAL_ACCOUNT", user.getName());
        }
        var actor = PortalActors.of(user, request);
        return new Me(user.accountId(), user.displayName(), accounts.certNo(user.accountId()), actor);
    }

    OwnItems.Withholding rule() {
        return withholding.rule();
    }

    @Transactional
    OwnItems.Page page(Me me, int page) {
        var result = items.page(me.certNo(), rule(), page, PAGE_SIZE);
        audit.record(
                me.actor(),
                AuditedObject.ITEM,
                "*",
                AuditOperation.LIST,
                null,
                AuditDetail.of("audit.detail.portalOwnItems", result.items().size(), page)
                        .encoded());
        return result;
    }

    /** One of the person's own items (read audited), else 404 with a DENIED entry naming what was asked. */
    @Transactional
    ItemRecord item(Me me, String id) {
        var item = own(me, id);
        audit.record(
                me.actor(), AuditedObject.ITEM, item.id().toString(), AuditOperation.READ, null, item.archiveCode());
        return item;
    }

    /** File {@code seq} of an own item as a PDF watermarked with the person's name and the time; audited. */
    @Transactional
    byte[] download(Me me, String id, String seq) {
        var item = own(me, id);
        int n = parseSeq(seq);
        if (item.files().stream().noneMatch(f -> f.seq() == n && WatermarkedCopies.copyable(f.mediaType()))) {
            throw denied(me, AuditOperation.DOWNLOAD, id + "/" + seq);
        }
        String stamp = time.format(time.now().toOffsetDateTime(), ReadableTime.SECONDS);
        byte[] pdf = copies.pdf(
                item,
                n,
                me.displayName() + "  " + stamp + "  本人查阅",
                item.archiveCode() + "  " + me.actor().name() + "  仅供本人使用");
        audit.record(
                me.actor(),
                AuditedObject.ITEM,
                item.id().toString(),
                AuditOperation.DOWNLOAD,
                null,
                item.archiveCode() + " file " + n + " watermarked");
        return pdf;
    }

    @Transactional
    Progress progress(Me me) {
        var p = new Progress(cases.openOf(me.certNo()), items.inProgress(me.certNo(), rule()));
        audit.record(
                me.actor(),
                AuditedObject.PORTAL_ACCOUNT,
                Long.toString(me.accountId()),
                AuditOperation.READ,
                null,
                AuditDetail.of(
                                "audit.detail.portalProgress",
                                p.cases().size(),
                                p.items().size())
                        .encoded());
        return p;
    }

    List<ExchangeRegister.Inquiry> inquiries(Me me) {
        return register.aboutPerson(me.certNo(), INQUIRIES, me.actor());
    }

    private ItemRecord own(Me me, String id) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw denied(me, AuditOperation.READ, id);
        }
        return items.item(me.certNo(), uuid, rule()).orElseThrow(() -> denied(me, AuditOperation.READ, id));
    }

    private static int parseSeq(String seq) {
        try {
            return Integer.parseInt(seq);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** The 404 for anything not the person's own, recorded DENIED in a transaction of its own. */
    private NotFoundException denied(Me me, AuditOperation op, String asked) {
        String what = asked.length() > 100 ? asked.substring(0, 100) : asked;
        audit.recordAlone(
                me.actor(),
                AuditedObject.ITEM,
                what,
                op,
                AuditTrail.DENIED,
                null,
                AuditDetail.of("audit.detail.portalNotOwn", what).encoded());
        return new NotFoundException("ITEM", what);
    }
}
