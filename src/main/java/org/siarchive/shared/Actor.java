package org.siarchive.shared;

/**
 * Who did something, from where. Until authentication lands every console and API call is made by
 * the local operator on 127.0.0.1; the audit trail still records address and client.
 */
public record Actor(String name, String ip, String client) {

    public static final Actor SYSTEM = new Actor("system", "127.0.0.1", "siarchive");
}
