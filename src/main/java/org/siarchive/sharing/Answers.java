package org.siarchive.sharing;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.siarchive.catalog.Catalog;
import org.siarchive.comparison.ReferenceLookup;
import org.siarchive.comparison.ReferenceLookup.PersonRelations;
import org.siarchive.comparison.ReferenceLookup.Relation;
import org.siarchive.shared.Access;
import org.siarchive.shared.Actor;
import org.siarchive.shared.Scope;
import org.springframework.stereotype.Component;

/**
 * The minimal answer to a verification: exactly the requested (and allowed) fields, from the latest
 * snapshots of the business system in the client's unit subtree ({@link ReferenceLookup}) and, for the
 * archive extract, the person file in that subtree — step names and years only.
 */
@Component
class Answers {

    /** The extract lists at most this many items (the count is the whole count). */
    static final int EXTRACT_ITEMS = 50;
    /** The extract covers public and internal items, never sensitive ones. */
    private static final int EXTRACT_CLEARANCE = 2;

    /** The answer's values by field code, and whether the subject is known at all. */
    record Answer(boolean found, Map<String, Object> values) {}

    private final ReferenceLookup lookup;
    private final Catalog catalog;

    Answers(ReferenceLookup lookup, Catalog catalog) {
        this.lookup = lookup;
        this.catalog = catalog;
    }

    Answer answer(String certNo, @Nullable String name, List<SharingField> fields, String orgPath, Actor actor) {
        PersonRelations relations = lookup.of(certNo, orgPath + "%");
        var extract = fields.contains(SharingField.ARCHIVE_ITEMS) ? extract(certNo, orgPath, actor) : null;
        boolean found = relations.known() || (extract != null && !extract.isEmpty());
        var values = new LinkedHashMap<String, Object>();
        if (!found) {
            return new Answer(false, values);
        }
        var schemes = catalog.classification().insuranceTypes();
        var enrolled = relations.enrolments().stream().filter(Relation::active).toList();
        var receiving = relations.benefits().stream().filter(Relation::active).toList();
        for (SharingField f : fields) {
            Object v =
                    switch (f) {
                        case ENROLLED -> !enrolled.isEmpty();
                        case ENROLMENT_SCHEMES -> schemes(enrolled, schemes);
                        case ENROLLED_SINCE -> month(earliest(enrolled));
                        case RECEIVING -> !receiving.isEmpty();
                        case BENEFIT_SCHEMES -> schemes(receiving, schemes);
                        case BENEFIT_SINCE -> month(earliest(receiving));
                        case LAST_PAID_MONTH ->
                            month(relations.benefits().stream()
                                    .map(Relation::lastPaid)
                                    .filter(Objects::nonNull)
                                    .max(Comparator.naturalOrder())
                                    .orElse(null));
                        case NAME_MATCHES -> nameMatches(certNo, name, orgPath, actor);
                        case ARCHIVE_ITEMS -> extract == null ? List.of() : extract;
                    };
            values.put(f.name(), v);
        }
        return new Answer(true, values);
    }

    private static List<Map<String, String>> schemes(List<Relation> relations, Map<String, String> names) {
        return relations.stream()
                .map(Relation::scheme)
                .filter(Objects::nonNull)
                .distinct()
                .sorted()
                .map(s -> Map.of("code", s, "name", names.getOrDefault(s, s)))
                .toList();
    }

    private static @Nullable LocalDate earliest(List<Relation> relations) {
        return relations.stream()
                .map(Relation::since)
                .filter(Objects::nonNull)
                .min(Comparator.naturalOrder())
                .orElse(null);
    }

    private static @Nullable String month(@Nullable LocalDate d) {
        return d == null ? null : YearMonth.from(d).toString();
    }

    private Access extractAccess(String orgPath, Actor actor) {
        return new Access(actor, new Scope(orgPath, null, EXTRACT_CLEARANCE), Set.of());
    }

    /** Count, step names and years of the person's items in the subtree; nothing else of them. */
    private @Nullable Map<String, Object> extract(String certNo, String orgPath, Actor actor) {
        var access = extractAccess(orgPath, actor);
        var person = catalog.findPerson(certNo, access);
        if (person.isEmpty()) {
            return null;
        }
        var items = catalog.personFile(person.get(), access).items();
        var list = items.stream()
                .limit(EXTRACT_ITEMS)
                .map(i -> Map.<String, Object>of(
                        "step", i.stepName(), "year", i.handledAt().getYear()))
                .toList();
        return Map.of("count", items.size(), "items", list);
    }

    /** Whether the name given matches the archive's (person file) — never the name itself. */
    private @Nullable Boolean nameMatches(String certNo, @Nullable String name, String orgPath, Actor actor) {
        if (name == null || name.isBlank()) {
            return null;
        }
        var access = extractAccess(orgPath, actor);
        return catalog.findPerson(certNo, access)
                .map(id -> catalog.personFile(id, access).party().name())
                .map(n -> n.strip().equals(name.strip()))
                .orElse(null);
    }
}
