package org.siarchive.lending;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.siarchive.shared.Access;
import org.siarchive.shared.ReadableTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The utilisation register (利用登记): one row per use of an archive — a page viewed, a file downloaded or
 * printed, an original lent, a certificate issued — with who, from where, under which request or loan and
 * for which purpose; and its statistics by month, kind and purpose. The user is the person who used the
 * archive — for an original lent, the borrower named on the loan, not the archivist at the desk (kept as
 * {@code recordedBy}) — and the purpose is kept as typed beside its code.
 */
@Component
public class Utilisation {

    private final JdbcClient jdbc;

    private final ReadableTime time;

    Utilisation(JdbcClient jdbc, ReadableTime time) {
        this.jdbc = jdbc;
        this.time = time;
    }

    /** Who used the archive (and their unit, for a borrower) and why: the purpose code and the text as typed. */
    public record Use(String user, @Nullable String unit, String purposeCode, @Nullable String purpose) {

        /** The account at the screen is the user: pages viewed, files downloaded, certificates issued. */
        public static Use byAccount(Access access, String purposeCode, @Nullable String purpose) {
            return new Use(access.actor().name(), null, purposeCode, purpose);
        }
    }

    /** Written in the caller's transaction, beside the audit entry of the same use. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(
            String kind,
            @Nullable Long requestId,
            @Nullable Long loanId,
            UUID itemId,
            String archiveCode,
            Use use,
            Access access) {
        jdbc.sql(
                        """
                insert into utilisation (kind, request_id, loan_id, item_id, archive_code, user_name, borrower_unit,
                    org_path, purpose_code, purpose, ip, recorded_by)
                values (:k, :r, :l, :i, :c, :u, :unit, :o, :p, :text, :ip, :by)
                """)
                .param("k", kind)
                .param("r", requestId)
                .param("l", loanId)
                .param("i", itemId)
                .param("c", archiveCode)
                .param("u", use.user())
                .param("unit", use.unit())
                .param("o", access.scope().orgPath())
                .param("p", use.purposeCode())
                .param("text", use.purpose())
                .param("ip", access.actor().ip())
                .param("by", access.actor().name())
                .update();
    }

    /** One register line. */
    public record Entry(
            long id,
            String kind,
            @Nullable Long requestId,
            @Nullable Long loanId,
            String archiveCode,
            String userName,
            @Nullable String borrowerUnit,
            String purposeCode,
            @Nullable String purpose,
            @Nullable String ip,
            String recordedBy,
            java.time.OffsetDateTime at) {}

    /** Register lines of uses recorded within the caller's data scope (docs/adr/0031). */
    public List<Entry> recent(LocalDate from, LocalDate to, int limit, Access access) {
        return jdbc.sql(
                        """
                select id, kind, request_id, loan_id, archive_code, user_name, borrower_unit, purpose_code, purpose, ip,
                       recorded_by, at from utilisation
                where at >= :from and at < :to and org_path like :scopeOrg order by id desc limit :n
                """)
                .param("scopeOrg", access.scope().orgPattern())
                .param("from", time.startOf(from))
                .param("to", time.startOf(to.plusDays(1)))
                .param("n", limit)
                .query(Entry.class)
                .list();
    }

    /** Uses per month, kind and purpose, with the number of distinct items and users. */
    public record Stat(String month, String kind, String purposeCode, long uses, long items, long users) {}

    public List<Stat> statistics(LocalDate from, LocalDate to, Access access) {
        return jdbc.sql(
                        """
                select to_char(at at time zone :zone, 'YYYY-MM') as month, kind, purpose_code,
                       count(*) as uses, count(distinct item_id) as items, count(distinct user_name) as users
                from utilisation where at >= :from and at < :to and org_path like :scopeOrg
                group by 1, 2, 3 order by 1 desc, 2, 3
                """)
                .param("scopeOrg", access.scope().orgPattern())
                .param("from", time.startOf(from))
                .param("to", time.startOf(to.plusDays(1)))
                .param("zone", time.zone().getId())
                .query(Stat.class)
                .list();
    }
}
