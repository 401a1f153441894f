package org.siarchive.integrity;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.siarchive.shared.Register;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A sweep's findings as the archivist keeps them (the fixity findings register): when each was found,
 * the 档号 and the file, what is wrong in words, whether the item has passed a later check (状态) and how it
 * can be put right (处理). The console's table and the register's Excel and PDF read the same rows.
 */
@Component
class FindingList {

    /** At most this many findings are listed for one sweep (a register's bound). */
    static final int MAX = 5_000;

    private final JdbcClient jdbc;
    private final FixitySweeps sweeps;
    private final MessageSource messages;

    FindingList(JdbcClient jdbc, FixitySweeps sweeps, MessageSource messages) {
        this.jdbc = jdbc;
        this.sweeps = sweeps;
        this.messages = messages;
    }

    /** One finding as listed; {@code state} and {@code handling} are codes the bundles word. */
    record Row(
            UUID itemId,
            String archiveCode,
            String kind,
            String subject,
            String problem,
            OffsetDateTime foundAt,
            String state,
            String handling) {

        public boolean repairable() {
            return handling.equals("REPLICA");
        }
    }

    private record Stored(
            UUID itemId,
            String archiveCode,
            String kind,
            String subject,
            String detail,
            OffsetDateTime foundAt,
            boolean resolved) {}

    List<Row> of(long sweepId, Locale locale) {
        return jdbc
                .sql(
                        """
                select f.item_id, f.archive_code, f.kind, f.subject, f.detail, f.found_at,
                    coalesce(x.passed and x.checked_at > f.found_at, false) as resolved
                from fixity_finding f left join item_fixity x on x.item_id = f.item_id
                where f.sweep_id = :s order by f.id limit :n
                """)
                .param("s", sweepId)
                .param("n", MAX)
                .query(Stored.class)
                .list()
                .stream()
                .map(s -> row(s, locale))
                .toList();
    }

    private Row row(Stored s, Locale locale) {
        var finding = new FixitySweeps.Finding(s.itemId(), s.archiveCode(), s.kind(), s.subject(), s.detail());
        return new Row(
                s.itemId(),
                s.archiveCode(),
                s.kind(),
                s.subject(),
                sweeps.describe(finding, locale),
                s.foundAt(),
                s.resolved() ? "RESOLVED" : "OPEN",
                ReplicaRepair.REPAIRABLE.contains(s.kind()) ? "REPLICA" : "MANUAL");
    }

    static final List<Register.Column> COLUMNS = List.of(
            Register.Column.of("fixity.foundAt", 16),
            Register.Column.of("register.col.archiveCode", 28),
            Register.Column.of("fixity.file", 24),
            Register.Column.of("fixity.problem", 44),
            Register.Column.of("fixity.state", 10),
            Register.Column.of("fixity.handling", 12));

    /** The fixity findings register (固定性巡检问题登记表): the rows the sweep page lists, in its words. */
    Register register(List<Row> rows, Locale locale) {
        return new Register(
                "fixity.register",
                COLUMNS,
                rows.stream()
                        .<List<?>>map(r -> List.of(
                                r.foundAt(),
                                r.archiveCode(),
                                r.subject(),
                                r.problem(),
                                label("fixity.findingState." + r.state(), locale),
                                label("fixity.handling." + r.handling(), locale)))
                        .toList());
    }

    private String label(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }
}
