package org.siarchive.disposition;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.siarchive.catalog.DirectoryRegister;
import org.siarchive.shared.ReadableTime;
import org.siarchive.shared.Register;
import org.siarchive.shared.Registers;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The 销毁清册 as a paper form, through the platform's one export door ({@link Registers}): title, 立档单位, list
 * number, the table (序号, 档号, 题名, 年度, 保管期限, 页数, 原保管期满日期, 销毁原因, 存放位置), the totals, the
 * physical originals to destroy or pull, and the lines for 鉴定小组组长, the principal leader's approval with its
 * date, 备案, the two 监销人, 销毁人 and 销毁方式/地点/时间 — blank until the destruction is executed. The printed
 * time is the list's generation time, so the same list prints the same text whenever it is exported.
 */
@Component
class DestructionListDocument {

    private static final List<Register.Column> COLUMNS = List.of(
            Register.Column.of("register.col.seq", 4),
            Register.Column.of("register.col.archiveCode", 24),
            Register.Column.of("register.col.title", 30),
            Register.Column.of("disposition.list.col.year", 5),
            Register.Column.of("register.col.retention", 7),
            Register.Column.of("register.col.pages", 5),
            Register.Column.of("disposition.list.col.originalEnd", 11),
            Register.Column.of("disposition.list.col.reason", 16),
            Register.Column.of("disposition.list.col.location", 12));

    private static final String BLANK = "＿＿＿＿＿＿";

    private final Registers registers;
    private final MessageSource messages;
    private final ReadableTime time;

    DestructionListDocument(Registers registers, MessageSource messages, ReadableTime time) {
        this.registers = registers;
        this.messages = messages;
        this.time = time;
    }

    byte[] pdf(DestructionListView list, Locale locale) {
        return registers.pdf(
                register(list, locale), list.agency(), preface(list, locale), closing(list, locale), locale);
    }

    byte[] xlsx(DestructionListView list, Locale locale) {
        var preface = new ArrayList<String>();
        preface.add(msg("disposition.list.title", locale));
        preface.add(list.agency());
        preface.addAll(preface(list, locale));
        return registers.xlsx(register(list, locale), preface, closing(list, locale), locale);
    }

    /** The archived item's 题名: 销毁清册 XH2026-0001 (or its executed form). */
    String title(String key, String listNo, Locale locale) {
        return msg(key, locale, listNo);
    }

    Register register(DestructionListView list, Locale locale) {
        var labels = new DirectoryRegister(messages, locale);
        var rows = new ArrayList<List<?>>();
        for (var r : list.rows()) {
            rows.add(Arrays.asList(
                    r.seq(),
                    r.archiveCode(),
                    r.title(),
                    r.year(),
                    labels.retention(r.retentionCode()),
                    r.pages(),
                    r.originalEnd(),
                    r.reason(),
                    r.location()));
        }
        return new Register("disposition.list.title", COLUMNS, rows);
    }

    private List<String> preface(DestructionListView list, Locale locale) {
        return List.of(
                msg("disposition.list.no", locale, list.listNo()),
                msg("disposition.list.batch", locale, list.batchNo()),
                msg("disposition.list.generatedAt", locale, time.format(list.generatedAt(), ReadableTime.MINUTES)));
    }

    private List<String> closing(DestructionListView list, Locale locale) {
        var out = new ArrayList<String>();
        out.add(msg("disposition.list.totals", locale, list.itemCount(), list.pageCount()));
        if (!list.containers().isEmpty()) {
            out.add(msg("disposition.list.physical", locale));
            for (var c : list.containers()) {
                out.add(msg(
                        "disposition.list.physical." + c.kind(),
                        locale,
                        c.code(),
                        or(c.location()),
                        c.destroyedOn() == null
                                ? ""
                                : msg("disposition.list.physicalDone", locale, c.destroyedOn(), c.method())));
            }
        }
        if (!list.pulls().isEmpty()) {
            out.add(msg("disposition.list.pulls", locale));
            for (var p : list.pulls()) {
                out.add(msg("disposition.list.pull", locale, p.archiveCode(), p.container(), or(p.location())));
            }
        }
        out.add(msg("disposition.list.sign.leader", locale, or(list.groupLeader())));
        out.add(msg(
                "disposition.list.sign.approval",
                locale,
                or(list.approver()),
                list.approvedAt() == null ? BLANK : time.date(list.approvedAt()).toString()));
        out.add(msg(
                "disposition.list.sign.filing",
                locale,
                list.filedOn() == null ? BLANK : list.filedOn().toString(),
                or(list.filingRef())));
        var e = list.executed() ? list.execution() : null;
        out.add(msg(
                "disposition.list.sign.supervisors",
                locale,
                e == null ? BLANK : e.supervisor1(),
                e == null ? BLANK : e.supervisor2()));
        out.add(msg("disposition.list.sign.executor", locale, e == null ? BLANK : e.executor()));
        out.add(msg(
                "disposition.list.sign.execution",
                locale,
                e == null ? BLANK : e.method(),
                e == null ? BLANK : e.place(),
                e == null ? BLANK : time.format(e.finishedAt(), ReadableTime.MINUTES)));
        return out;
    }

    private static String or(@org.jspecify.annotations.Nullable String value) {
        return value == null || value.isBlank() ? BLANK : value;
    }

    private String msg(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
