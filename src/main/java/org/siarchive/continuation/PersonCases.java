package org.siarchive.continuation;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.siarchive.crypto.FieldCipher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A person's own 转移接续 cases still in progress, for the person themself (the online service): found by the
 * token of their 公民身份号码, never by a staff scope; only what the person may know of their case — its number,
 * kind, direction, state, the other agency and the dates — not the agent's data, the amounts or the messages.
 */
@Component
public class PersonCases {

    /** The most open cases shown. */
    public static final int LIMIT = 20;

    /** An open case as its person reads it. */
    public record OpenCase(
            String caseNo,
            CaseView.Kind kind,
            CaseView.Direction direction,
            CaseView.State state,
            @Nullable String otherAgency,
            @Nullable LocalDate appliedOn,
            @Nullable LocalDate dueOn,
            OffsetDateTime createdAt,
            @Nullable OffsetDateTime lastStepAt) {}

    private final JdbcClient jdbc;
    private final FieldCipher cipher;

    PersonCases(JdbcClient jdbc, FieldCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    /** The person's cases not yet completed, refused or closed, newest first (at most {@value #LIMIT}). */
    public List<OpenCase> openOf(String certNo) {
        return jdbc.sql(
                        """
                select c.case_no, c.kind, c.direction, c.state, coalesce(p.agency_name, c.peer_agency) as other,
                       c.applied_on, c.due_on, c.created_at,
                       (select max(s.at) from continuation_step s where s.case_id = c.id) as last_step
                from continuation_case c left join continuation_peer p on p.id = c.peer_id
                where c.person_token = :token and c.state not in ('COMPLETED', 'REFUSED', 'CLOSED')
                order by c.created_at desc, c.id desc limit :n""")
                .param("token", cipher.blindIndex(certNo, CaseRows.CERT))
                .param("n", LIMIT)
                .query((rs, n) -> new OpenCase(
                        rs.getString("case_no"),
                        CaseView.Kind.valueOf(rs.getString("kind")),
                        CaseView.Direction.valueOf(rs.getString("direction")),
                        CaseView.State.valueOf(rs.getString("state")),
                        rs.getString("other"),
                        rs.getObject("applied_on", LocalDate.class),
                        rs.getObject("due_on", LocalDate.class),
                        rs.getObject("created_at", OffsetDateTime.class),
                        rs.getObject("last_step", OffsetDateTime.class)))
                .list();
    }

    /** The 公民身份号码 of a case's person (to tell them of its progress), if the case exists. */
    public java.util.Optional<String> certNoOfCase(long caseId) {
        return jdbc.sql("select cert_enc from continuation_case where id = :id")
                .param("id", caseId)
                .query(byte[].class)
                .optional()
                .map(b -> cipher.decrypt(b, CaseRows.CERT));
    }
}
