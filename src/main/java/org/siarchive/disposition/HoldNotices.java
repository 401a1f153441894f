package org.siarchive.disposition;

import java.util.List;
import java.util.UUID;
import org.siarchive.catalog.ItemNotices;
import org.siarchive.security.Permission;
import org.siarchive.shared.Access;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** The item page's line for each active hold on the item that the reader's unit placed or oversees. */
@Component
class HoldNotices implements ItemNotices {

    private final Holds holds;
    private final MessageSource messages;

    HoldNotices(Holds holds, MessageSource messages) {
        this.holds = holds;
        this.messages = messages;
    }

    @Override
    public List<Notice> of(UUID itemId, Access access) {
        var locale = LocaleContextHolder.getLocale();
        return holds.activeOn(itemId, access).stream()
                .map(h -> new Notice(
                        "hold.onItem",
                        List.of(h.holdNo(), messages.getMessage(h.caseType().labelKey(), null, locale), h.caseRef()),
                        access.can(Permission.HOLD_MANAGE) ? "/disposition/holds/" + h.holdNo() : null))
                .toList();
    }
}
