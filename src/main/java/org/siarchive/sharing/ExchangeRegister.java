package org.siarchive.sharing;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.siarchive.audit.AuditDetail;
import org.siarchive.audit.AuditOperation;
import org.siarchive.audit.AuditTrail;
import org.siarchive.audit.AuditedObject;
import org.siarchive.quality.CitizenIdNumber;
import org.siarchive.shared.Actor;
import org.siarchive.shared.InvalidInputException;
import org.siarchive.shared.ReadableTime;
import org.siarchive.shared.Violation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The exchange register (交换登记) as it is read: the auditor's search (by client, purpose, result, Beijing
 * days and the subject's ID number, which is turned into its token), bounded pages and exports, and for
 * the portal, {@link #aboutPerson(String)}: who asked about a person, when, why and for which fields.
 */
@Component
public class ExchangeRegister {

    public static final int PAGE_SIZE = 50;
    /** The most lines one export holds. */
    public static final int EXPORT_ROWS = 10_000;
    /** The longest period one search covers. */
    static final int MAX_DAYS = 366;

    /** One line of the register; the subject masked, the answer as the list of fields given. */
    public record Line(
            long id,
            OffsetDateTime at,
            @Nullable Long clientId,
            String clientName,
            @Nullable String department,
            @Nullable String requestRef,
            @Nullable String purpose,
            @Nullable String legalBasisRef,
            @Nullable String consentRef,
            @Nullable String subjectMasked,
            @Nullable String fieldsRequested,
            @Nullable String fieldsAnswered,
            String result,
            @Nullable String refusal,
            @Nullable String remoteAddr,
            @Nullable Integer durationMs) {}

    /** A search; every criterion optional, the period at most a year. */
    public record Search(
            @Nullable Long clientId,
            @Nullable String purpose,
            @Nullable String result,
            @Nullable LocalDate from,
            @Nullable LocalDate to,
            @Nullable String idNumber) {}

    /** One page and whether there are more. */
    public record Page(List<Line> lines, int page, boolean more) {}

    /** What a person may learn: who asked about them, when, why, and for what. */
    public record Inquiry(
            OffsetDateTime at,
            String clientName,
            @Nullable String department,
            @Nullable String purpose,
            List<String> fields,
            String result) {}

    private static final String SELECT =
            """
            select e.id, e.at, e.client_id, e.client_name, c.department, e.request_ref, e.purpose,
                   e.legal_basis_ref, e.consent_ref, e.subject_masked, e.fields_requested, e.fields_answered,
                   e.result, e.refusal, e.remote_addr, e.duration_ms
            from exchange_entry e left join sharing_client c on c.id = e.client_id
            where e.at >= :from and e.at < :to
              and (cast(:client as bigint) is null or e.client_id = :client)
              and (cast(:purpose as varchar) is null or e.purpose = :purpose)
              and (cast(:result as varchar) is null or e.result = :result)
              and (cast(:token as bytea) is null or e.subject_token = :token)
            order by e.at desc, e.id desc
            limit :limit offset :offset""";

    private final JdbcClient jdbc;
    private final ExchangeEntries entries;
    private final ReadableTime time;
    private final AuditTrail audit;

    ExchangeRegister(JdbcClient jdbc, ExchangeEntries entries, ReadableTime time, AuditTrail audit) {
        this.jdbc = jdbc;
        this.entries = entries;
        this.time = time;
        this.audit = audit;
    }

    /** The search's effective period: as given, else the last 30 days up to today (Beijing). */
    public Search normalised(Search s) {
        LocalDate to = s.to() == null ? time.today() : s.to();
        LocalDate from = s.from() == null ? to.minusDays(29) : s.from();
        var v = new java.util.ArrayList<Violation>();
        if (from.isAfter(to)) {
            v.add(Violation.of("from", "sharing.period"));
        } else if (from.plusDays(MAX_DAYS).isBefore(to)) {
            v.add(Violation.of("to", "sharing.periodLong", MAX_DAYS));
        }
        if (s.result() != null
                && !s.result().isBlank()
                && !List.of("ANSWERED", "NOT_FOUND", "REFUSED").contains(s.result())) {
            v.add(Violation.of("result", "code"));
        }
        if (s.purpose() != null && s.purpose().length() > 32) {
            v.add(Violation.of("purpose", "maxLength", 32));
        }
        if (s.idNumber() != null && !s.idNumber().isBlank() && !CitizenIdNumber.isValid(s.idNumber())) {
            v.add(Violation.of("idNumber", "sharing.idNumber"));
        }
        if (!v.isEmpty()) {
            throw new InvalidInputException(v);
        }
        return new Search(
                s.clientId(), blankToNull(s.purpose()), blankToNull(s.result()), from, to, blankToNull(s.idNumber()));
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** One page of the search (normalised first). */
    public Page search(Search search, int page) {
        int p = Math.max(0, Math.min(page, 10_000));
        var lines = query(normalised(search), PAGE_SIZE + 1, p * PAGE_SIZE);
        boolean more = lines.size() > PAGE_SIZE;
        return new Page(more ? lines.subList(0, PAGE_SIZE) : lines, p, more);
    }

    /** The lines of an export (at most {@link #EXPORT_ROWS}); the export is audited as EXCHANGE EXPORT. */
    @Transactional
    public List<Line> export(Search search, Actor actor) {
        var s = normalised(search);
        var lines = query(s, EXPORT_ROWS, 0);
        audit.record(
                actor,
                AuditedObject.EXCHANGE,
                "*",
                AuditOperation.EXPORT,
                null,
                AuditDetail.of("audit.detail.sharingExported", s.from(), s.to(), lines.size())
                        .encoded());
        return lines;
    }

    private List<Line> query(Search s, int limit, int offset) {
        return jdbc.sql(SELECT)
                .param("from", time.startOf(s.from()))
                .param("to", time.startOf(s.to().plusDays(1)))
                .param("client", s.clientId())
                .param("purpose", s.purpose())
                .param("result", s.result())
                .param("token", entries.token(s.idNumber()))
                .param("limit", limit)
                .param("offset", offset)
                .query(Line.class)
                .list();
    }

    /** {@link #aboutPerson(String)} for staff: the read is audited (EXCHANGE QUERY, the subject masked). */
    @Transactional
    public List<Inquiry> aboutPerson(String certNo, Actor actor) {
        return aboutPerson(certNo, EXPORT_ROWS, actor);
    }

    /** The newest {@code limit} lines (at most {@link #EXPORT_ROWS}) of {@link #aboutPerson(String, Actor)}, audited alike. */
    @Transactional
    public List<Inquiry> aboutPerson(String certNo, int limit, Actor actor) {
        var list = aboutPerson(certNo, limit);
        audit.record(
                actor,
                AuditedObject.EXCHANGE,
                ExchangeEntries.mask(certNo),
                AuditOperation.QUERY,
                null,
                AuditDetail.of("audit.detail.sharingAboutPerson", list.size()).encoded());
        return list;
    }

    /**
     * Who asked about the person with this ID number (newest first, at most {@link #EXPORT_ROWS}): the
     * client's name and department, when, the purpose and the fields requested, and the result.
     */
    public List<Inquiry> aboutPerson(String certNo) {
        return aboutPerson(certNo, EXPORT_ROWS);
    }

    private List<Inquiry> aboutPerson(String certNo, int limit) {
        if (!CitizenIdNumber.isValid(certNo)) {
            throw new InvalidInputException(Violation.of("idNumber", "sharing.idNumber"));
        }
        return jdbc.sql(
                        """
                select e.at, e.client_name, c.department, e.purpose, e.fields_requested, e.result
                from exchange_entry e left join sharing_client c on c.id = e.client_id
                where e.subject_token = :token
                order by e.at desc, e.id desc limit :limit""")
                .param("token", entries.token(certNo))
                .param("limit", Math.max(1, Math.min(limit, EXPORT_ROWS)))
                .query((rs, n) -> new Inquiry(
                        rs.getObject(1, OffsetDateTime.class),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5) == null || rs.getString(5).isEmpty()
                                ? List.of()
                                : List.of(rs.getString(5).split(",")),
                        rs.getString(6)))
                .list();
    }
}
