package org.siarchive.notification;

import org.springframework.stereotype.Component;

/**
 * The default channel: the account's inbox in the console, written in the caller's transaction. The line is stored
 * as its message key and arguments and rendered in the reader's language when read; an account that already has
 * a line with the message's natural key is not told again.
 */
@Component
class InboxNotifier implements Notifier {

    private final InboxRows rows;

    InboxNotifier(InboxRows rows) {
        this.rows = rows;
    }

    @Override
    public String channel() {
        return CONSOLE;
    }

    @Override
    public void deliver(Recipient to, Message message) {
        added(to, message);
    }

    /** Whether the line was new. */
    boolean added(Recipient to, Message message) {
        return to.account() != null && rows.insert(to.account(), message);
    }
}
