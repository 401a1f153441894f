package org.siarchive.catalog;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.siarchive.audit.AuditDetail;
import org.siarchive.audit.AuditOperation;
import org.siarchive.audit.AuditTrail;
import org.siarchive.audit.AuditedObject;
import org.siarchive.crypto.Masks;
import org.siarchive.platform.ReplicaReads;
import org.siarchive.shared.Access;
import org.siarchive.shared.InvalidInputException;
import org.siarchive.shared.NotFoundException;
import org.siarchive.shared.Scope;
import org.siarchive.shared.Violation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * 一人一档 and 一企一档: a party with every item about it in the reader's scope, by business time. A party
 * with no item in scope answers 404, like one that does not exist. Identity fields are masked unless the
 * reader unmasks them with a reason; every read is audited.
 */
@Component
class PartyFiles {

    private static final int FILE_LIMIT = 5000;
    private static final String BY_BUSINESS_TIME = "i.handled_at, i.archive_code";

    private final JdbcClient jdbc;
    private final ItemQueries queries;
    private final PartyQueries parties;
    private final AuditTrail audit;
    private final ReplicaReads replica;

    PartyFiles(JdbcClient jdbc, ItemQueries queries, PartyQueries parties, AuditTrail audit, ReplicaReads replica) {
        this.replica = replica;
        this.jdbc = jdbc;
        this.queries = queries;
        this.parties = parties;
        this.audit = audit;
    }

    /** The person's id found by certificate number (blind index), if any item of theirs is in scope. */
    Optional<Long> findPerson(String certNo, Access access) {
        return parties.personId(certNo)
                .filter(id -> !personItems(id, access.scope(), 1).isEmpty());
    }

    Optional<Long> personIdOfItem(UUID itemId) {
        return jdbc.sql("select person_id from item where id = :id and person_id is not null")
                .param("id", itemId)
                .query(Long.class)
                .optional();
    }

    /**
     * The person file; the read's access entry is committed (grouped with concurrent reads when no transaction is
     * open, docs/adr/0117) before this returns.
     */
    public PartyFile personFile(long personId, Access access) {
        return file(personId, access).orElseThrow(() -> new NotFoundException("PERSON", Long.toString(personId)));
    }

    /**
     * The person file by certificate number (blind index): the person and their items in two statements, the person
     * found and read in one (issue 20: a statement fewer per request).
     */
    public PartyFile personFileByCertNo(String certNo, Access access) {
        return replica.read(() -> parties.personByCertNo(certNo).flatMap(person -> read(person, access)))
                .map(f -> audited(f.person(), f.items(), access))
                .orElseThrow(() -> new NotFoundException("PERSON", String.valueOf(Masks.idNumber(certNo))));
    }

    /** What a person file shows, read on the replica when one is configured (docs/deploy.md: at most 5 s old). */
    private record Read(PartyQueries.PersonRow person, List<ItemSummary> items) {}

    private Optional<PartyFile> file(long personId, Access access) {
        return replica.read(() -> {
                    var items = personItems(personId, access.scope(), FILE_LIMIT);
                    return items.isEmpty()
                            ? Optional.<Read>empty()
                            : parties.person(personId).map(person -> new Read(person, items));
                })
                .map(r -> audited(r.person(), r.items(), access));
    }

    private Optional<Read> read(PartyQueries.PersonRow person, Access access) {
        var items = personItems(person.id(), access.scope(), FILE_LIMIT);
        return items.isEmpty() ? Optional.empty() : Optional.of(new Read(person, items));
    }

    /** The file as answered, once its access entry is committed. */
    private PartyFile audited(PartyQueries.PersonRow person, List<ItemSummary> items, Access access) {
        audit.recordRead(
                access.actor(),
                AuditedObject.PERSON,
                Long.toString(person.id()),
                AuditOperation.READ,
                AuditDetail.of("audit.detail.items", items.size()).encoded());
        return new PartyFile(masked(person), items);
    }

    static PartyFile.Party masked(PartyQueries.PersonRow person) {
        return new PartyFile.Party(
                person.id(),
                "PERSON",
                Objects.requireNonNullElse(Masks.idNumber(person.certNo()), ""),
                person.certType(),
                person.name(),
                person.gender(),
                person.birthDate(),
                Masks.phone(person.phone()),
                Masks.bankAccount(person.bankAccount()));
    }

    @Transactional
    public Catalog.Identity unmaskPerson(long personId, String reason, Access access) {
        requireReason(reason);
        if (personItems(personId, access.scope(), 1).isEmpty()) {
            throw new NotFoundException("PERSON", Long.toString(personId));
        }
        var person =
                parties.person(personId).orElseThrow(() -> new NotFoundException("PERSON", Long.toString(personId)));
        audit.record(
                access.actor(),
                AuditedObject.PERSON,
                Long.toString(personId),
                AuditOperation.UNMASK,
                reason.strip(),
                AuditDetail.of("audit.detail.unmasked").encoded());
        return new Catalog.Identity(
                person.id(), person.certType(), person.certNo(), person.phone(), person.bankAccount());
    }

    private static void requireReason(String reason) {
        if (reason == null || reason.strip().length() < 2) {
            throw new InvalidInputException(Violation.of("reason", "required"));
        }
        if (reason.length() > 500) {
            throw new InvalidInputException(Violation.of("reason", "maxLength", 500));
        }
    }

    /** The employer file; its access entry is committed like a person file's before this returns. */
    public PartyFile employerFile(String creditCode, Access access) {
        var employer = parties.employer(creditCode).orElseThrow(() -> new NotFoundException("EMPLOYER", creditCode));
        var items = queries.summaries(
                "i.employer_id = :id", Map.of("id", employer.id()), BY_BUSINESS_TIME, FILE_LIMIT, access.scope());
        if (items.isEmpty()) {
            throw new NotFoundException("EMPLOYER", creditCode);
        }
        audit.recordRead(
                access.actor(),
                AuditedObject.EMPLOYER,
                creditCode,
                AuditOperation.READ,
                AuditDetail.of("audit.detail.items", items.size()).encoded());
        return new PartyFile(employer, items);
    }

    private List<ItemSummary> personItems(long personId, Scope scope, int limit) {
        return queries.summaries("i.person_id = :id", Map.of("id", personId), BY_BUSINESS_TIME, limit, scope);
    }
}
