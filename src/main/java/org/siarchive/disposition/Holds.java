package org.siarchive.disposition;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.siarchive.audit.AuditDetail;
import org.siarchive.audit.AuditOperation;
import org.siarchive.audit.AuditTrail;
import org.siarchive.audit.AuditedObject;
import org.siarchive.catalog.ArchiveCodeLookup;
import org.siarchive.catalog.Catalog;
import org.siarchive.catalog.ItemFacts;
import org.siarchive.security.Permission;
import org.siarchive.shared.Access;
import org.siarchive.shared.ForbiddenException;
import org.siarchive.shared.InvalidInputException;
import org.siarchive.shared.NotFoundException;
import org.siarchive.shared.ReadableTime;
import org.siarchive.shared.Violation;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Legal holds (冻结), as other modules and the pages see them: placed within the placer's unit subtree,
 * released with a reason by the owner or a leader (审批人), both audited in the same transaction; found by
 * number, case reference, state, subject, a 档号 or an ID number. A hold placed in another unit's subtree
 * does not exist for the reader (404). See docs/adr/0071.
 */
@Component
public class Holds {

    /** A search of holds; blank criteria are not applied. {@code state}: ACTIVE, RELEASED or blank. */
    public record Search(
            @Nullable String holdNo,
            @Nullable String caseRef,
            @Nullable String state,
            @Nullable String subject,
            @Nullable String archiveCode,
            @Nullable String idNumber) {

        public static Search all() {
            return new Search(null, null, null, null, null, null);
        }
    }

    public static final int PAGE_SIZE = 50;
    static final int LIST_LIMIT = 200;
    static final int MAX_PAGE = 1_000_000;

    private final HoldRows rows;
    private final HoldCover cover;
    private final HoldPlacement placement;
    private final ItemFacts facts;
    private final ArchiveCodeLookup codes;
    private final Catalog catalog;
    private final AuditTrail audit;
    private final ReadableTime time;

    Holds(
            HoldRows rows,
            HoldCover cover,
            HoldPlacement placement,
            ItemFacts facts,
            ArchiveCodeLookup codes,
            Catalog catalog,
            AuditTrail audit,
            ReadableTime time) {
        this.rows = rows;
        this.cover = cover;
        this.placement = placement;
        this.facts = facts;
        this.codes = codes;
        this.catalog = catalog;
        this.audit = audit;
        this.time = time;
    }

    /** Places a hold; its number is DJ{year}-{seq}. Takes the holds' lock exclusively (ADR 0071). */
    @Transactional
    public Hold place(HoldRequest request, Access access) {
        var resolved = placement.resolve(request, access);
        rows.lockExclusive();
        String no = rows.nextNumber(time.at(Instant.now()).getYear());
        var h = resolved.hold();
        long id = rows.insert(new Hold(
                0,
                no,
                h.caseType(),
                h.caseRef(),
                h.reason(),
                h.owner(),
                h.subject(),
                h.personId(),
                h.employerId(),
                h.query(),
                h.orgPath(),
                h.placedBy(),
                h.placedAt(),
                null,
                null,
                null));
        if (!resolved.items().isEmpty()) {
            rows.insertItems(id, resolved.items());
        }
        audit.record(
                access.actor(),
                AuditedObject.LEGAL_HOLD,
                no,
                AuditOperation.HOLD,
                h.reason(),
                AuditDetail.of(
                                "audit.detail.holdPlaced",
                                "#" + h.caseType().labelKey(),
                                h.caseRef(),
                                "#" + h.subject().labelKey(),
                                resolved.items().size(),
                                h.owner())
                        .encoded());
        return get(no, access);
    }

    /** Releases it: the owner may, or a holder of the leader's approval permission; 409 if released already. */
    @Transactional
    public Hold release(String holdNo, @Nullable String reason, Access access) {
        var hold = get(holdNo, access);
        String why = reason == null ? "" : reason.strip();
        if (why.length() < 2 || why.length() > 1000) {
            throw new InvalidInputException(
                    why.isEmpty() ? Violation.of("reason", "required") : Violation.of("reason", "holdMinLength", 2));
        }
        if (!hold.owner().equals(access.actor().name()) && !access.can(Permission.DISPOSITION_APPROVE)) {
            throw new ForbiddenException("hold.release.notOwner", hold.holdNo());
        }
        if (!rows.release(hold.id(), access.actor().name(), why)) {
            throw new org.siarchive.shared.ConflictException("hold.release.already", hold.holdNo());
        }
        audit.record(access.actor(), AuditedObject.LEGAL_HOLD, hold.holdNo(), AuditOperation.RELEASE, why, null);
        return get(holdNo, access);
    }

    /** The hold, when placed within the reader's unit subtree; 404 otherwise. */
    public Hold get(String holdNo, Access access) {
        return rows.byNumber(holdNo.strip(), access.scope().orgPath())
                .orElseThrow(() -> new NotFoundException("LEGAL_HOLD", holdNo));
    }

    /** Holds the reader may see meeting the search, newest first (at most 200). */
    public List<Hold> search(Search s, Access access) {
        Collection<Long> only = null;
        if (!HoldPlacement.blank(s.archiveCode())) {
            var ids = codes.resolveOne(List.of(s.archiveCode()), access.scope(), "archiveCode");
            only = cover.covering(ids, true).values().stream()
                    .flatMap(List::stream)
                    .map(Hold::id)
                    .toList();
        }
        if (!HoldPlacement.blank(s.idNumber())) {
            long person = catalog.findPerson(s.idNumber().strip(), access).orElse(-1L);
            var ofPerson = rows.byCriteria(true).stream()
                    .filter(h -> h.personId() != null && h.personId() == person)
                    .map(Hold::id)
                    .toList();
            only = only == null
                    ? ofPerson
                    : only.stream().filter(ofPerson::contains).toList();
        }
        var filter = new HoldRows.Filter(
                blankToNull(s.holdNo()), blankToNull(s.caseRef()), state(s.state()), subject(s.subject()), only);
        return rows.search(filter, access.scope().orgPath(), LIST_LIMIT);
    }

    /** The items the hold covers now that the reader may see, by 档号, page {@code page} (from 0). */
    public ItemFacts.Page covered(Hold hold, int page, Access access) {
        int offset = Math.min(Math.max(page, 0), MAX_PAGE) * PAGE_SIZE;
        var criteria = hold.criteria();
        return criteria == null
                ? facts.shown(rows.items(hold.id()), access.scope(), offset, PAGE_SIZE)
                : facts.matching(criteria, hold.orgPath(), access.scope(), offset, PAGE_SIZE);
    }

    /** Which of the items an active hold covers (for the expiry worklist and the item page): set-based. */
    public Set<UUID> heldItemIds(Collection<UUID> itemIds) {
        return Set.copyOf(cover.covering(itemIds, false).keySet());
    }

    /** The active holds on the item that the reader may see (placed within their subtree). */
    public List<Hold> activeOn(UUID itemId, Access access) {
        String org = access.scope().orgPath();
        return cover.covering(List.of(itemId), false).getOrDefault(itemId, List.of()).stream()
                .filter(h -> h.orgPath().startsWith(org))
                .toList();
    }

    private static @Nullable Boolean state(@Nullable String s) {
        if (HoldPlacement.blank(s)) {
            return null;
        }
        return switch (s.strip()) {
            case "ACTIVE" -> true;
            case "RELEASED" -> false;
            default -> throw new InvalidInputException(Violation.of("state", "code"));
        };
    }

    private static @Nullable HoldSubject subject(@Nullable String s) {
        if (HoldPlacement.blank(s)) {
            return null;
        }
        try {
            return HoldSubject.valueOf(s.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(Violation.of("subject", "code"));
        }
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return HoldPlacement.blank(s) ? null : s.strip();
    }
}
