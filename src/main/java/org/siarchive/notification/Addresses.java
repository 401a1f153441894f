package org.siarchive.notification;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.jspecify.annotations.Nullable;

/** Phone numbers and e-mail addresses as the audit trail and the outbox's keys may hold them. */
final class Addresses {

    private Addresses() {}

    /** 138****5678, a***@example.cn; empty for none. */
    static String masked(@Nullable String address) {
        if (address == null || address.isEmpty()) {
            return "";
        }
        int at = address.indexOf('@');
        if (at > 0) {
            return address.charAt(0) + "***" + address.substring(at);
        }
        if (address.length() < 7) {
            return "****";
        }
        return address.substring(0, 3) + "****" + address.substring(address.length() - 4);
    }

    /** A digest standing for an address without an account, so that the outbox can keep it out once sent. */
    static String digest(String address) {
        try {
            var sha = MessageDigest.getInstance("SHA-256");
            return "#" + HexFormat.of().formatHex(sha.digest(address.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
