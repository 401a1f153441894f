package org.siarchive.notification;

import org.springframework.context.ApplicationContext;

/**
 * For tests of other modules: delivers the notification outbox now (the worker's schedule is off in the tests), so
 * that what they queued for SMS or e-mail reaches the file adapters.
 */
public final class TestOutbox {

    private TestOutbox() {}

    /** Delivers what is due; returns how many messages were sent. */
    public static int deliver(ApplicationContext context) {
        return context.getBean(OutboxWorker.class).deliver();
    }
}
