package org.siarchive.shared;

import org.jspecify.annotations.Nullable;

/**
 * Who did something, from where: the account (or API client, prefixed {@code client:}), its
 * organisation, the remote address and the user agent. The audit trail records all four.
 */
public record Actor(String name, @Nullable String org, String ip, String client) {

    public static final Actor SYSTEM = new Actor("system", null, "127.0.0.1", "siarchive");

    public Actor(String name, String ip, String client) {
        this(name, null, ip, client);
    }
}
