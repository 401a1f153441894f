package org.siarchive.checks;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.siarchive.catalog.AccountNames;
import org.siarchive.catalog.Catalog;
import org.siarchive.catalog.ItemRecord;
import org.siarchive.shared.Access;
import org.siarchive.shared.Page;
import org.siarchive.shared.ReadableTime;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The list of 四性检测 reports, newest first, within the caller's scope and optionally one stage: a page of
 * it on the console, all of it (bounded) in the register. Each run names what it checked — the 档号 and
 * 题名 of its item when it checked one, otherwise the 业务受理号, the package or the selection — and how
 * many check items passed and failed. The console and the register read the same rows.
 */
@Component
class RunList {

    static final int PAGE_SIZE = 20;

    private final JdbcClient jdbc;
    private final Catalog catalog;
    private final MessageSource messages;
    private final ReadableTime time;
    private final AccountNames accounts;

    RunList(JdbcClient jdbc, Catalog catalog, MessageSource messages, ReadableTime time, AccountNames accounts) {
        this.accounts = accounts;
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.messages = messages;
        this.time = time;
    }

    /** One report as listed: its texts are in the reader's language, its time in Beijing time. */
    record Row(
            long id,
            String stage,
            String stageName,
            String checkedAt,
            @Nullable UUID itemId,
            @Nullable String archiveCode,
            @Nullable String title,
            String object,
            boolean running,
            int records,
            @Nullable Integer itemsTotal,
            int itemCount,
            int passedItems,
            int failedItems,
            int notChecked,
            @Nullable String overall,
            String conclusion,
            String startedBy) {

        /** 档号/对象 as the register prints it: the 档号 and 题名, or what else was checked. */
        String objectText() {
            return archiveCode == null ? object : title == null ? archiveCode : archiveCode + " " + title;
        }
    }

    private record Stored(
            long id,
            String stage,
            String subject,
            String status,
            @Nullable String overall,
            int records,
            int failedItems,
            int notChecked,
            String startedBy,
            OffsetDateTime startedAt,
            @Nullable UUID itemId,
            @Nullable String archiveCode,
            @Nullable Integer itemsTotal,
            int itemCount,
            int passedItems) {}

    private static final String SELECT =
            """
            select r.id, r.stage, r.subject, r.status, r.overall, r.records, r.failed_items, r.not_checked,
                r.started_by, r.started_at, r.item_id, r.archive_code, r.items_total,
                (select count(*) from check_result c where c.run_id = r.id) as item_count,
                (select count(*) from check_result c where c.run_id = r.id and c.result = 'PASS') as passed_items
            from check_run r where (:s::varchar is null or r.stage = :s) and r.org_path like :scopeOrg
            """;

    Page<Row> page(@Nullable Stage stage, int page, Access access, Locale locale) {
        long total = jdbc.sql(
                        "select count(*) from check_run r where (:s::varchar is null or r.stage = :s) and r.org_path like :scopeOrg")
                .param("s", stage == null ? null : stage.name())
                .param("scopeOrg", access.scope().orgPattern())
                .query(Long.class)
                .single();
        int p = Math.max(0, page);
        return new Page<>(rows(stage, PAGE_SIZE, (long) p * PAGE_SIZE, access, locale), p, PAGE_SIZE, total);
    }

    /** Every report of the filter, newest first, at most {@code max}. */
    List<Row> all(@Nullable Stage stage, int max, Access access, Locale locale) {
        return rows(stage, max, 0, access, locale);
    }

    private List<Row> rows(@Nullable Stage stage, int limit, long offset, Access access, Locale locale) {
        var stored = jdbc.sql(SELECT + " order by r.id desc limit :n offset :o")
                .param("s", stage == null ? null : stage.name())
                .param("scopeOrg", access.scope().orgPattern())
                .param("n", limit)
                .param("o", offset)
                .query(Stored.class)
                .list();
        List<UUID> ids = stored.stream()
                .map(Stored::itemId)
                .filter(java.util.Objects::nonNull)
                .distinct()
                .toList();
        Map<UUID, String> titles = ids.isEmpty()
                ? Map.of()
                : catalog.items(ids).stream().collect(Collectors.toMap(ItemRecord::id, ItemRecord::title, (a, b) -> a));
        var names = new java.util.HashMap<String, String>();
        return stored.stream()
                .map(s -> row(s, titles::get, names.computeIfAbsent(s.startedBy(), who -> person(who, locale)), locale))
                .toList();
    }

    private Row row(Stored s, Function<UUID, @Nullable String> titles, String startedBy, Locale locale) {
        boolean running = "RUNNING".equals(s.status());
        return new Row(
                s.id(),
                s.stage(),
                msg("checks.stage." + s.stage(), locale),
                time.format(s.startedAt(), ReadableTime.MINUTES),
                s.itemId(),
                s.archiveCode(),
                s.itemId() == null ? null : titles.apply(s.itemId()),
                object(s, locale),
                running,
                s.records(),
                s.itemsTotal(),
                s.itemCount(),
                s.passedItems(),
                s.failedItems(),
                s.notChecked(),
                s.overall(),
                s.overall() == null
                        ? msg("checks.status.RUNNING", locale)
                        : msg("checks.result." + s.overall(), locale),
                startedBy);
    }

    /** Who started a run, as people read it: a person's display name; the platform's own runs are 系统. */
    String person(String startedBy, Locale locale) {
        return accounts.displayName(startedBy)
                .orElseGet(() -> who(startedBy, locale.getLanguage().equals("en")));
    }

    /** A run started by no account (the platform, the demo loader, a scheduled job): the platform's. */
    static String who(String startedBy, boolean english) {
        return english ? "the platform" : "系统";
    }

    /** What a run without an item checked, in words: the 业务受理号, the package, or the selection. */
    private String object(Stored s, Locale locale) {
        String subject = s.subject();
        return switch (s.stage()) {
            case "GD" -> msg("checks.object.acceptance", locale, subject);
            case "YJ" -> msg("checks.object.package", locale, subject);
            default -> {
                if (subject.equals(PreservationCheck.WHOLE_STORE)) {
                    yield msg("checks.object.wholeStore", locale);
                }
                var m = java.util.regex.Pattern.compile("(\\d+) 件").matcher(subject);
                yield m.matches() ? msg("checks.object.items", locale, Integer.parseInt(m.group(1))) : subject;
            }
        };
    }

    private String msg(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
