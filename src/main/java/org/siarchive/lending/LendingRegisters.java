package org.siarchive.lending;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.siarchive.catalog.AccountNames;
import org.siarchive.catalog.Catalog;
import org.siarchive.catalog.ItemRecord;
import org.siarchive.lending.LendingRegisterRows.LoanFilter;
import org.siarchive.lending.LendingRegisterRows.LoanLine;
import org.siarchive.lending.LendingRegisterRows.UseLine;
import org.siarchive.organisation.OrgUnit;
import org.siarchive.organisation.Organisations;
import org.siarchive.shared.Access;
import org.siarchive.shared.ReadableTime;
import org.siarchive.shared.Register;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * 利用登记 and 实体借阅 as registers (issue 14): the rows the page shows are the rows the Excel and the PDF
 * print — one {@link Register} built here, every cell already a label in the reader's language.
 */
@Component
class LendingRegisters {

    /** Rows a page shows; exports go up to the register's own bounds. */
    static final int SCREEN_ROWS = 500;

    private final LendingRegisterRows rows;
    private final Catalog catalog;
    private final Organisations organisations;
    private final MessageSource messages;
    private final ReadableTime time;
    private final AccountNames people;

    LendingRegisters(
            LendingRegisterRows rows,
            Catalog catalog,
            Organisations organisations,
            MessageSource messages,
            ReadableTime time,
            AccountNames people) {
        this.rows = rows;
        this.people = people;
        this.catalog = catalog;
        this.organisations = organisations;
        this.messages = messages;
        this.time = time;
    }

    /** 利用登记: 利用日期, 档号, 题名, 利用人, 单位, 目的, 方式, 期限, 审批人, 归还日期, 备注. */
    Register uses(LocalDate from, LocalDate to, int limit, Access access, Locale locale) {
        var lines = rows.uses(from, to, limit, access);
        var titles = titles(lines.stream().map(UseLine::itemId).toList());
        var units = new HashMap<String, String>();
        var names = names(lines);
        var cells = new ArrayList<List<?>>();
        for (UseLine u : lines) {
            String unit = u.borrowerUnit() != null ? u.borrowerUnit() : unitOf(u.orgPath(), units);
            cells.add(List.of(
                    date(u.at()),
                    u.archiveCode(),
                    titles.getOrDefault(u.itemId(), ""),
                    names.getOrDefault(u.userName(), u.userName()),
                    unit,
                    purpose(u.purposeCode(), u.purpose(), locale),
                    msg("lending.use." + u.kind(), locale),
                    period(u, locale),
                    approvers(u.approvers(), names),
                    date(u.returnedAt()),
                    useRemarks(u, locale)));
        }
        return new Register(
                "lending.register",
                List.of(
                        Register.Column.of("lending.col.useDate", 11),
                        Register.Column.of("register.col.archiveCode", 30),
                        Register.Column.of("register.col.title", 28),
                        Register.Column.of("lending.col.user", 10),
                        Register.Column.of("lending.col.unit", 16),
                        Register.Column.of("lending.col.purpose", 20),
                        Register.Column.of("lending.col.kind", 8),
                        Register.Column.of("lending.col.period", 14),
                        Register.Column.of("lending.col.approver", 12),
                        Register.Column.of("lending.col.returnDate", 11),
                        Register.Column.of("register.col.remarks", 14)),
                cells);
    }

    /** 实体借阅: 借出日期, 档号, 题名, 借阅人, 应还日期, 归还日期, 状态. */
    Register loans(LocalDate from, LocalDate to, LoanFilter filter, int limit, Access access, Locale locale) {
        var lines = rows.loans(from, to, filter, limit, access);
        var titles = titles(lines.stream().map(LoanLine::itemId).toList());
        LocalDate today = time.today();
        var cells = new ArrayList<List<?>>();
        for (LoanLine l : lines) {
            cells.add(List.of(
                    date(l.lentAt()),
                    l.archiveCode(),
                    titles.getOrDefault(l.itemId(), ""),
                    l.borrower() + "（" + l.borrowerUnit() + "）",
                    l.dueDate().toString(),
                    date(l.returnedAt()),
                    loanState(l, today, locale)));
        }
        return new Register(
                "lending.physicalRegister",
                List.of(
                        Register.Column.of("lending.col.lentDate", 11),
                        Register.Column.of("register.col.archiveCode", 30),
                        Register.Column.of("register.col.title", 28),
                        Register.Column.of("lending.col.borrower", 20),
                        Register.Column.of("lending.col.dueDate", 11),
                        Register.Column.of("lending.col.returnDate", 11),
                        Register.Column.of("lending.col.state", 10)),
                cells);
    }

    /** The display names of the readers and approvers in these lines (a borrower typed by hand stays). */
    private Map<String, String> names(List<UseLine> lines) {
        var logins = new ArrayList<String>();
        for (UseLine u : lines) {
            logins.add(u.userName());
            if (u.approvers() != null) {
                logins.addAll(List.of(u.approvers().split("、")));
            }
        }
        return people.displayNames(logins);
    }

    private static String approvers(@Nullable String logins, Map<String, String> names) {
        if (logins == null) {
            return "";
        }
        return String.join(
                "、",
                List.of(logins.split("、")).stream()
                        .map(l -> names.getOrDefault(l, l))
                        .toList());
    }

    private String loanState(LoanLine l, LocalDate today, Locale locale) {
        if (l.returnedAt() != null) {
            return msg("lending.loanStatus.RETURNED", locale)
                    + (l.damaged() ? "（" + msg("lending.damaged", locale) + "）" : "");
        }
        return l.dueDate().isBefore(today) ? msg("lending.isOverdue", locale) : msg("lending.loanStatus.OUT", locale);
    }

    private String period(UseLine u, Locale locale) {
        if (u.periodDays() != null) {
            return messages.getMessage("lending.days", new Object[] {u.periodDays()}, locale);
        }
        if (u.dueDate() != null) {
            return messages.getMessage(
                    "lending.dueOn", new Object[] {u.dueDate().toString()}, locale);
        }
        return "";
    }

    private String useRemarks(UseLine u, Locale locale) {
        var parts = new ArrayList<String>();
        if (u.requestId() != null) {
            parts.add(messages.getMessage(
                    "lending.request", new Object[] {u.requestId().toString()}, locale));
        }
        if (u.loanId() != null) {
            parts.add(messages.getMessage(
                    "lending.loanNo", new Object[] {u.loanId().toString()}, locale));
        }
        if (u.damaged()) {
            parts.add(msg("lending.damaged", locale));
        }
        return String.join("；", parts);
    }

    private String purpose(String code, @Nullable String text, Locale locale) {
        String label = msg("lending.purpose." + code, locale);
        return text == null || text.isBlank() ? label : label + "：" + text;
    }

    private String unitOf(@Nullable String orgPath, Map<String, String> cache) {
        if (orgPath == null) {
            return "";
        }
        return cache.computeIfAbsent(
                orgPath, p -> organisations.byPath(p).map(OrgUnit::name).orElse(""));
    }

    /** Titles of the items, read in batches (the register rows are already within the caller's scope). */
    private Map<UUID, String> titles(List<UUID> ids) {
        var distinct = ids.stream().distinct().toList();
        var titles = new HashMap<UUID, String>();
        for (int i = 0; i < distinct.size(); i += 500) {
            for (ItemRecord item : catalog.items(distinct.subList(i, Math.min(distinct.size(), i + 500)))) {
                titles.put(item.id(), item.title());
            }
        }
        return titles;
    }

    private String date(@Nullable OffsetDateTime t) {
        return t == null ? "" : time.date(t).toString();
    }

    private String msg(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
