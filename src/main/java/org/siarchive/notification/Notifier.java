package org.siarchive.notification;

import java.io.IOException;

/**
 * The port a notification leaves through (issue 18). The console inbox ({@value #CONSOLE}) is the default channel
 * and always present; SMS ({@value #SMS}) and e-mail ({@value #MAIL}) adapters exist when an installation configures
 * them ({@code siarchive.notification.sms.*}, {@code siarchive.notification.mail.*}). Messages to the external
 * channels are not delivered in the caller's transaction: {@link Notifications} puts them in an outbox that a
 * scheduled worker delivers, retries and audits (personal contact data leaves the platform).
 */
public interface Notifier {

    String CONSOLE = "console";
    String SMS = "sms";
    String MAIL = "mail";

    /** The channel this adapter serves. */
    String channel();

    /** Delivers one message to one recipient, in the recipient's language; throws when it could not. */
    void deliver(Recipient to, Message message) throws IOException;
}
