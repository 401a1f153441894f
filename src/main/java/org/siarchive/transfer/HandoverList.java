package org.siarchive.transfer;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.siarchive.catalog.AccountNames;
import org.siarchive.catalog.FondsDirectory;
import org.siarchive.shared.Access;
import org.siarchive.shared.ReadableTime;
import org.siarchive.shared.Register;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The handover register (移交接收登记表) as staff keep it on paper: 日期, 移交单位, 接收单位 (the receiving
 * fonds by name), 件数, 卷数, 状态, 经办人 (who received it, by display name), newest first within the caller's fonds. The console
 * lists these rows and the register prints the same.
 */
@Component
class HandoverList {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");

    static final List<Register.Column> COLUMNS = List.of(
            Register.Column.of("register.col.date", 11),
            Register.Column.of("transfer.source", 20),
            Register.Column.of("transfer.receivingUnit", 20),
            Register.Column.of("transfer.itemCount", 6),
            Register.Column.of("transfer.volumeCount", 6),
            Register.Column.of("transfer.state", 8),
            Register.Column.of("transfer.handler", 12));

    private final TransferPackages packages;
    private final FondsDirectory fonds;
    private final MessageSource messages;
    private final ReadableTime time;
    private final AccountNames people;

    HandoverList(
            TransferPackages packages,
            FondsDirectory fonds,
            MessageSource messages,
            ReadableTime time,
            AccountNames people) {
        this.packages = packages;
        this.people = people;
        this.fonds = fonds;
        this.messages = messages;
        this.time = time;
    }

    /** One handover as listed. Packages carry items only: a receipt files no volume, so 卷数 is 0. */
    record Row(
            long id,
            String date,
            String sourceUnit,
            String receivingUnit,
            int items,
            int volumes,
            String status,
            String state,
            String receivedBy,
            String packageName,
            @Nullable Integer declared,
            String handedOverBy,
            String witness,
            @Nullable Long checkRunId,
            @Nullable String reason) {}

    List<Row> rows(int limit, Access access, Locale locale) {
        Map<String, String> names = fonds.all().stream()
                .collect(Collectors.toMap(FondsDirectory.Fonds::code, FondsDirectory.Fonds::name, (a, b) -> a));
        var found = packages.register(limit, access);
        var handlers = people.displayNames(
                found.stream().map(r -> text(r.get("received_by"))).toList());
        return found.stream().map(r -> row(r, names, handlers, locale)).toList();
    }

    private Row row(Map<String, Object> r, Map<String, String> names, Map<String, String> handlers, Locale locale) {
        String fondsCode = text(r.get("fonds_code"));
        String status = text(r.get("status"));
        var at = instant(r.get("received_at"));
        return new Row(
                ((Number) r.get("id")).longValue(),
                time.format(at, DAY),
                text(r.get("source_unit")),
                names.getOrDefault(fondsCode, fondsCode),
                r.get("items_received") == null ? 0 : ((Number) r.get("items_received")).intValue(),
                0,
                status,
                messages.getMessage("transfer.status." + status, null, locale),
                handlers.getOrDefault(text(r.get("received_by")), text(r.get("received_by"))),
                text(r.get("package_name")),
                r.get("items_declared") == null ? null : ((Number) r.get("items_declared")).intValue(),
                text(r.get("handed_over_by")),
                text(r.get("witness")),
                r.get("check_run_id") == null ? null : ((Number) r.get("check_run_id")).longValue(),
                (String) r.get("reason"));
    }

    Register register(List<Row> rows) {
        return new Register(
                "transfer.register",
                COLUMNS,
                rows.stream()
                        .<List<?>>map(r -> List.of(
                                r.date(),
                                r.sourceUnit(),
                                r.receivingUnit(),
                                r.items(),
                                r.volumes(),
                                r.state(),
                                r.receivedBy()))
                        .toList());
    }

    private static String text(@Nullable Object o) {
        return o == null ? "" : o.toString();
    }

    private static java.time.@Nullable Instant instant(@Nullable Object o) {
        if (o instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        return o instanceof java.time.OffsetDateTime t ? t.toInstant() : null;
    }
}
