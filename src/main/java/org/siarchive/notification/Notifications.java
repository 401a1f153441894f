package org.siarchive.notification;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one door notifications go through (issue 18). {@link #notify} tells accounts: a line in each one's inbox
 * (once per natural key) and, when the account asked for it and the installation configured the channel, the same
 * message queued for SMS or e-mail. {@link #send} reaches a person who has no account (the portal's one-time codes)
 * through the external channels only. Both write in the caller's transaction; the outbox worker delivers later.
 */
@Component
public class Notifications {

    private final InboxNotifier inbox;
    private final Contacts contacts;
    private final OutboxRows outbox;
    private final Map<String, Notifier> external;

    Notifications(InboxNotifier inbox, Contacts contacts, OutboxRows outbox, List<Notifier> notifiers) {
        this.inbox = inbox;
        this.contacts = contacts;
        this.outbox = outbox;
        this.external = notifiers.stream()
                .filter(n -> !Notifier.CONSOLE.equals(n.channel()))
                .collect(Collectors.toUnmodifiableMap(Notifier::channel, Function.identity()));
    }

    /** The channels this installation delivers to besides the console inbox. */
    public java.util.Set<String> externalChannels() {
        return external.keySet();
    }

    /** Tells each account once; returns how many were told for the first time. */
    @Transactional
    public int notify(Collection<String> accounts, Message m) {
        int told = 0;
        for (String account : new LinkedHashSet<>(accounts)) {
            var c = contacts.of(account);
            var to = new Recipient(account, c.phone(), c.email(), NoticeText.locale(c.language()));
            if (!inbox.added(to, m)) {
                continue; // told before: neither the inbox nor SMS nor e-mail again
            }
            told++;
            if (c.sms()) {
                queue(Notifier.SMS, to, m);
            }
            if (c.mail()) {
                queue(Notifier.MAIL, to, m);
            }
        }
        return told;
    }

    /**
     * Sends to a person by SMS or e-mail alone (no inbox): queued on every configured channel the recipient has an
     * address for, once per natural key; returns on how many channels it was queued (0 when none is configured).
     */
    @Transactional
    public int send(Recipient to, Message m) {
        int queued = 0;
        for (String channel : List.of(Notifier.SMS, Notifier.MAIL)) {
            if (queue(channel, to, m)) {
                queued++;
            }
        }
        return queued;
    }

    private boolean queue(String channel, Recipient to, Message m) {
        String address = to.address(channel);
        return address != null && external.containsKey(channel) && outbox.insert(channel, to, address, m);
    }
}
