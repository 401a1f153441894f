package org.siarchive.notification;

import java.time.OffsetDateTime;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.siarchive.shared.InvalidInputException;
import org.siarchive.shared.NotFoundException;
import org.siarchive.shared.Page;
import org.siarchive.shared.Violation;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * An account's inbox as its reader sees it: newest first, {@value #SIZE} a page, at most {@value #MAX_PAGES} pages,
 * each line rendered in the reader's language; marking read only one's own lines (another account's id is 404,
 * the same answer as for an id that does not exist).
 */
@Component
public class NotificationInbox {

    static final int SIZE = 20;
    static final int MAX_PAGES = 500;

    /** A line as the page shows it. */
    public record Line(
            long id,
            String kind,
            String text,
            @Nullable String subject,
            @Nullable String link,
            OffsetDateTime createdAt,
            boolean read) {}

    private final InboxRows rows;
    private final NoticeText text;

    NotificationInbox(InboxRows rows, NoticeText text) {
        this.rows = rows;
        this.text = text;
    }

    public Page<Line> page(String account, int page, Locale locale) {
        if (page < 0 || page >= MAX_PAGES) {
            throw new InvalidInputException(Violation.of("page", "range", 0, MAX_PAGES - 1));
        }
        var lines = rows.page(account, page * SIZE, SIZE).stream()
                .map(r -> line(r, locale))
                .toList();
        return new Page<>(lines, page, SIZE, Math.min(rows.total(account), (long) SIZE * MAX_PAGES));
    }

    /** How many lines the account has not read. */
    public long unread(String account) {
        return rows.unread(account);
    }

    /** Marks one of the account's lines read and returns where its matter is worked (null: nowhere). */
    @Transactional
    public @Nullable String read(long id, String account) {
        var row = rows.mine(id, account).orElseThrow(() -> new NotFoundException("NOTIFICATION", Long.toString(id)));
        rows.markRead(id, account);
        return row.link();
    }

    @Transactional
    public int readAll(String account) {
        return rows.markAllRead(account);
    }

    private Line line(InboxRows.Row r, Locale locale) {
        return new Line(
                r.id(),
                text.kind(r.kind(), locale),
                text.sentence(r.labelKey(), r.args(), locale),
                r.subject(),
                r.link(),
                r.createdAt(),
                r.readAt() != null);
    }
}
