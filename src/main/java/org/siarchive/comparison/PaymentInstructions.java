package org.siarchive.comparison;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.jspecify.annotations.Nullable;
import org.siarchive.audit.AuditDetail;
import org.siarchive.audit.AuditOperation;
import org.siarchive.audit.AuditTrail;
import org.siarchive.audit.AuditedObject;
import org.siarchive.shared.Access;
import org.siarchive.shared.Actor;
import org.siarchive.shared.ReadableTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Payment instructions (停发/暂停发放指令) as an outbox: written with the confirmation in its transaction,
 * handed to the {@link PaymentInstructionSink} by a delivery job (every minute, and callable), at least once
 * — a row is DELIVERED only after the sink took it, every attempt and its error are recorded, and each
 * delivery is audited (PAYMENT_INSTRUCTION INSTRUCT). Rows are claimed with {@code skip locked}, so two
 * deliveries at once never hand over the same instruction twice.
 */
@Component
public class PaymentInstructions {

    static final Actor DELIVERY = new Actor("payment-delivery", "127.0.0.1", "siarchive payment instructions");
    static final int BATCH = 100;
    static final int MAX_ATTEMPTS = 50;
    public static final int LIST_LIMIT = 500;
    private static final Pattern SCHEME = Pattern.compile("\"scheme\"\\s*:\\s*\"([0-9A-Za-z]{1,8})\"");

    private static final String SELECT =
            """
            select p.id, w.warning_no, p.action, p.scheme, p.amount_to_recover, p.state, p.attempts, p.last_error,
                   p.created_at, p.attempted_at, p.delivered_at, p.delivered_to
            from payment_instruction p join comparison_warning w on w.id = p.warning_id""";

    private final JdbcClient jdbc;
    private final WarningRows rows;
    private final ReferenceTokens tokens;
    private final PaymentInstructionSink sink;
    private final AuditTrail audit;
    private final TransactionTemplate tx;
    private final ReadableTime time;

    PaymentInstructions(
            JdbcClient jdbc,
            WarningRows rows,
            ReferenceTokens tokens,
            PaymentInstructionSink sink,
            AuditTrail audit,
            TransactionTemplate tx,
            ReadableTime time) {
        this.jdbc = jdbc;
        this.rows = rows;
        this.tokens = tokens;
        this.sink = sink;
        this.audit = audit;
        this.tx = tx;
        this.time = time;
    }

    /** Writes the instruction of a confirmation, in the confirmation's transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    void issue(Warning w, PaymentAction action, BigDecimal recover, Access access) {
        long id = jdbc.sql(
                        """
                insert into payment_instruction (warning_id, action, scheme, token, cert_enc, amount_to_recover)
                values (:w, :action, :scheme, :token, :cert, :recover) returning id""")
                .param("w", w.id())
                .param("action", action.name())
                .param("scheme", scheme(w))
                .param("token", w.token())
                .param("cert", w.certEnc())
                .param("recover", recover)
                .query(Long.class)
                .single();
        audit.record(
                access.actor(),
                AuditedObject.PAYMENT_INSTRUCTION,
                Long.toString(id),
                AuditOperation.INSTRUCT,
                null,
                AuditDetail.of("audit.detail.paymentIssued", w.warningNo(), AuditDetail.label(action.labelKey()))
                        .encoded());
    }

    /** The instructions of warnings handled within the caller's subtree, newest first (bounded). */
    public List<PaymentInstruction> list(@Nullable String state, Access access) {
        boolean all = state == null || state.isBlank();
        return jdbc.sql(SELECT + " where w.org_path like :org" + (all ? "" : " and p.state = :state")
                        + " order by p.id desc limit " + LIST_LIMIT)
                .param("org", access.scope().orgPattern())
                .param("state", all ? "" : state.strip())
                .query(PaymentInstructions::row)
                .list();
    }

    /** The instruction of a warning, if any. */
    public java.util.Optional<PaymentInstruction> ofWarning(long warningId) {
        return jdbc.sql(SELECT + " where p.warning_id = :w")
                .param("w", warningId)
                .query(PaymentInstructions::row)
                .optional();
    }

    /** The schedule: on one node at a time (a skipped locked call cannot return an int). */
    @Scheduled(
            fixedDelayString = "${siarchive.comparison.payment.delivery-interval:PT1M}",
            initialDelayString = "${siarchive.comparison.payment.delivery-interval:PT1M}")
    @SchedulerLock(name = "comparison-payment-delivery", lockAtMostFor = "PT10M")
    void scheduledDelivery() {
        deliver();
    }

    /** Delivers what waits (at most {@value #BATCH} per call); returns how many the sink took. */
    public int deliver() {
        int delivered = 0;
        for (int i = 0; i < BATCH; i++) {
            Boolean one = tx.execute(s -> deliverOne());
            if (one == null) {
                break;
            }
            if (one) {
                delivered++;
            }
        }
        return delivered;
    }

    /** Claims one waiting row and hands it over; null when nothing waits. */
    private @Nullable Boolean deliverOne() {
        var claimed = jdbc.sql(
                        """
                select id, warning_id, action, scheme, cert_enc, amount_to_recover, created_at from payment_instruction
                where state <> 'DELIVERED' and attempts < :max
                  and (attempted_at is null or attempted_at < now() - interval '1 second')
                order by id limit 1 for update skip locked""")
                .param("max", MAX_ATTEMPTS)
                .query((rs, n) -> new Object[] {
                    rs.getLong(1),
                    rs.getLong(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getBytes(5),
                    rs.getBigDecimal(6),
                    rs.getObject(7, java.time.OffsetDateTime.class)
                })
                .optional();
        if (claimed.isEmpty()) {
            return null;
        }
        var r = claimed.get();
        long id = (Long) r[0];
        var warning = rows.byId((Long) r[1]).orElseThrow();
        var message = new PaymentInstructionSink.Message(
                id,
                (String) r[2],
                Objects.requireNonNullElse((String) r[3], ""),
                Objects.requireNonNullElse(tokens.open((byte[]) r[4]), ""),
                (BigDecimal) r[5],
                warning.warningNo(),
                time.format((java.time.OffsetDateTime) r[6], ReadableTime.SECONDS));
        try {
            sink.deliver(message);
        } catch (Exception e) {
            String error =
                    Objects.requireNonNullElse(e.getMessage(), e.getClass().getSimpleName());
            failed(id, error.length() > 480 ? error.substring(0, 480) : error);
            return false;
        }
        jdbc.sql(
                        """
                update payment_instruction set state = 'DELIVERED', attempts = attempts + 1, attempted_at = now(),
                       delivered_at = now(), delivered_to = :to, last_error = null where id = :id""")
                .param("to", sink.destination())
                .param("id", id)
                .update();
        audit.record(
                DELIVERY,
                AuditedObject.PAYMENT_INSTRUCTION,
                Long.toString(id),
                AuditOperation.INSTRUCT,
                null,
                AuditDetail.of("audit.detail.paymentDelivered", warning.warningNo(), sink.destination())
                        .encoded());
        return true;
    }

    private void failed(long id, String error) {
        jdbc.sql(
                        """
                update payment_instruction set state = 'FAILED', attempts = attempts + 1, attempted_at = now(),
                       last_error = :e where id = :id""")
                .param("e", error)
                .param("id", id)
                .update();
        audit.record(
                DELIVERY,
                AuditedObject.PAYMENT_INSTRUCTION,
                Long.toString(id),
                AuditOperation.INSTRUCT,
                AuditTrail.FAILURE,
                null,
                AuditDetail.of("audit.detail.paymentFailed", error).encoded());
    }

    private @Nullable String scheme(Warning w) {
        for (var e : rows.evidence(w.id())) {
            var m = SCHEME.matcher(e.facts());
            if (m.find()) {
                return m.group(1);
            }
        }
        return null;
    }

    private static PaymentInstruction row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new PaymentInstruction(
                rs.getLong(1),
                rs.getString(2),
                PaymentAction.valueOf(rs.getString(3)),
                rs.getString(4),
                rs.getBigDecimal(5),
                rs.getString(6),
                rs.getInt(7),
                rs.getString(8),
                rs.getObject(9, java.time.OffsetDateTime.class),
                rs.getObject(10, java.time.OffsetDateTime.class),
                rs.getObject(11, java.time.OffsetDateTime.class),
                rs.getString(12));
    }
}
