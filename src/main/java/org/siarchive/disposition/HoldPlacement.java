package org.siarchive.disposition;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.siarchive.catalog.ArchiveCodeLookup;
import org.siarchive.catalog.Catalog;
import org.siarchive.catalog.ItemFacts;
import org.siarchive.security.Accounts;
import org.siarchive.shared.Access;
import org.siarchive.shared.InvalidInputException;
import org.siarchive.shared.Violation;
import org.springframework.stereotype.Component;

/**
 * A hold as typed, checked field by field (422 naming each) and its subject resolved within the placer's
 * scope: 档号 and item ids to items, the ID number to the person's catalogue id (the number itself is never
 * stored), the credit code to the employer's id. Nothing is written here.
 */
@Component
class HoldPlacement {

    /** What is stored: the hold's fields and, for a hold on items, the items. */
    record Resolved(Hold hold, List<UUID> items) {}

    static final int MAX_ITEMS = 10_000;

    private final ArchiveCodeLookup codes;
    private final Catalog catalog;
    private final ItemFacts facts;
    private final Accounts accounts;

    HoldPlacement(ArchiveCodeLookup codes, Catalog catalog, ItemFacts facts, Accounts accounts) {
        this.codes = codes;
        this.catalog = catalog;
        this.facts = facts;
        this.accounts = accounts;
    }

    Resolved resolve(HoldRequest r, Access access) {
        var v = new ArrayList<Violation>();
        var type = parse(HoldCase.class, r.caseType(), "caseType", v);
        var subject = parse(HoldSubject.class, r.subject(), "subject", v);
        String ref = text(r.caseRef(), "caseRef", 1, 100, v);
        String reason = text(r.reason(), "reason", 2, 1000, v);
        String owner = blank(r.owner()) ? access.actor().name() : r.owner().strip();
        if (!blank(r.owner()) && accounts.byUsername(owner).isEmpty()) {
            v.add(Violation.of("owner", "holdUnknownAccount", owner));
        }
        if (!v.isEmpty()) {
            throw new InvalidInputException(v);
        }
        Long person = null;
        Long employer = null;
        ItemFacts.Criteria query = null;
        List<UUID> items = List.of();
        switch (subject) {
            case ITEMS -> items = items(r, access);
            case PERSON ->
                person = catalog.findPerson(required(r.idNumber(), "idNumber"), access)
                        .orElseThrow(() -> refused("idNumber", "holdUnknownPerson"));
            case EMPLOYER ->
                employer = facts.employerId(required(r.creditCode(), "creditCode"))
                        .orElseThrow(() -> refused("creditCode", "holdUnknownEmployer"));
            case QUERY -> query = query(r.query());
        }
        var hold = new Hold(
                0,
                "",
                type,
                ref,
                reason,
                owner,
                subject,
                person,
                employer,
                query,
                access.scope().orgPath(),
                access.actor().name(),
                java.time.OffsetDateTime.now(),
                null,
                null,
                null);
        return new Resolved(hold, items);
    }

    private List<UUID> items(HoldRequest r, Access access) {
        var ids = new LinkedHashSet<UUID>();
        if (r.archiveCodes() != null && r.archiveCodes().stream().anyMatch(c -> !blank(c))) {
            ids.addAll(codes.resolveOne(r.archiveCodes(), access.scope(), "archiveCodes"));
        }
        if (r.itemIds() != null) {
            for (String id : r.itemIds()) {
                try {
                    ids.add(UUID.fromString(id.strip()));
                } catch (IllegalArgumentException e) {
                    throw refused("itemIds", "format");
                }
            }
        }
        if (ids.isEmpty()) {
            throw refused("archiveCodes", "required");
        }
        if (ids.size() > MAX_ITEMS) {
            throw new InvalidInputException(Violation.of("itemIds", "holdTooManyItems", MAX_ITEMS));
        }
        var shown = facts.shown(ids, access.scope(), 0, ids.size()).items();
        if (shown.size() < ids.size()) {
            var seen = shown.stream().map(ItemFacts.Fact::id).toList();
            var unknown = ids.stream()
                    .filter(id -> !seen.contains(id))
                    .map(UUID::toString)
                    .toList();
            throw new InvalidInputException(Violation.of("itemIds", "holdUnknownItems", String.join("、", unknown)));
        }
        return List.copyOf(ids);
    }

    private static ItemFacts.Criteria query(ItemFacts.@Nullable Criteria q) {
        if (q == null
                || (q.fondsCode() == null
                        && q.categoryCode() == null
                        && q.stepCode() == null
                        && q.insuranceType() == null
                        && q.yearFrom() == null
                        && q.yearTo() == null
                        && blank(q.archiveCodePrefix())
                        && q.titleWords().stream().allMatch(HoldPlacement::blank))) {
            throw refused("query", "holdEmptyQuery");
        }
        if (q.yearFrom() != null && q.yearTo() != null && q.yearFrom() > q.yearTo()) {
            throw refused("query.yearTo", "holdYearRange");
        }
        return new ItemFacts.Criteria(
                null,
                null,
                strip(q.fondsCode()),
                strip(q.categoryCode()),
                strip(q.stepCode()),
                strip(q.insuranceType()),
                q.yearFrom(),
                q.yearTo(),
                strip(q.archiveCodePrefix()),
                q.titleWords().stream()
                        .filter(w -> !blank(w))
                        .map(String::strip)
                        .toList());
    }

    private static <E extends Enum<E>> E parse(Class<E> type, @Nullable String s, String field, List<Violation> v) {
        if (blank(s)) {
            v.add(Violation.of(field, "required"));
            return type.getEnumConstants()[0];
        }
        try {
            return Enum.valueOf(type, s.strip());
        } catch (IllegalArgumentException e) {
            v.add(Violation.of(field, "code"));
            return type.getEnumConstants()[0];
        }
    }

    private static String text(@Nullable String s, String field, int min, int max, List<Violation> v) {
        if (blank(s)) {
            v.add(Violation.of(field, "required"));
            return "";
        }
        String t = s.strip();
        if (t.length() > max) {
            v.add(Violation.of(field, "maxLength", max));
        } else if (t.length() < min) {
            v.add(Violation.of(field, "holdMinLength", min));
        } else if (t.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n')) {
            v.add(Violation.of(field, "specialCharacters"));
        }
        return t;
    }

    private static String required(@Nullable String s, String field) {
        if (blank(s)) {
            throw refused(field, "required");
        }
        return s.strip();
    }

    private static @Nullable String strip(@Nullable String s) {
        return blank(s) ? null : s.strip();
    }

    static boolean blank(@Nullable String s) {
        return s == null || s.isBlank();
    }

    private static InvalidInputException refused(String field, String rule) {
        return new InvalidInputException(Violation.of(field, rule));
    }
}
