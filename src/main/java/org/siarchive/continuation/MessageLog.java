package org.siarchive.continuation;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The messages sent and received, each kept with its envelope; a received envelope is known by its SM3. */
@Component
class MessageLog {

    /** A message as the case page lists it. */
    record Entry(
            long id,
            String direction,
            String kind,
            String envelopeSm3,
            String state,
            @Nullable String refusal,
            @Nullable String result,
            OffsetDateTime at) {}

    private final JdbcClient jdbc;

    MessageLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long record(
            @Nullable Long caseId,
            String direction,
            Envelope.Kind kind,
            byte[] envelope,
            @Nullable Long peerId,
            String state,
            @Nullable String refusal,
            @Nullable String result) {
        return jdbc.sql("insert into continuation_message (case_id, direction, kind, envelope_sm3, peer_id, state, "
                        + "refusal, envelope, result) values (:c, :d, :k, :sm3, :p, :s, :r, :e, :res) returning id")
                .param("c", caseId)
                .param("d", direction)
                .param("k", kind.name())
                .param("sm3", Envelope.sm3(envelope))
                .param("p", peerId)
                .param("s", state)
                .param("r", refusal == null || refusal.length() <= 500 ? refusal : refusal.substring(0, 500))
                .param("e", envelope)
                .param("res", result)
                .query(Long.class)
                .single();
    }

    /** An envelope received before, by its SM3. */
    Optional<Entry> received(String sm3) {
        return jdbc.sql("select * from continuation_message where direction = 'IN' and envelope_sm3 = :sm3")
                .param("sm3", sm3)
                .query(MessageLog::entry)
                .optional();
    }

    List<Entry> ofCase(long caseId) {
        return jdbc.sql("select * from continuation_message where case_id = :c order by id")
                .param("c", caseId)
                .query(MessageLog::entry)
                .list();
    }

    /** The envelope of a message of the case, for download. */
    Optional<byte[]> envelope(long caseId, long messageId) {
        return jdbc.sql("select envelope from continuation_message where case_id = :c and id = :id")
                .param("c", caseId)
                .param("id", messageId)
                .query(byte[].class)
                .optional();
    }

    /** The envelope of the case's latest message of a kind (its documents are drawn from it). */
    Optional<byte[]> latest(long caseId, Envelope.Kind kind) {
        return jdbc.sql("select envelope from continuation_message where case_id = :c and kind = :k "
                        + "and state in ('SENT', 'RECEIVED', 'PENDING') order by id desc limit 1")
                .param("c", caseId)
                .param("k", kind.name())
                .query(byte[].class)
                .optional();
    }

    private static Entry entry(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Entry(
                rs.getLong("id"),
                rs.getString("direction"),
                rs.getString("kind"),
                rs.getString("envelope_sm3"),
                rs.getString("state"),
                rs.getString("refusal"),
                rs.getString("result"),
                rs.getObject("at", OffsetDateTime.class));
    }
}
