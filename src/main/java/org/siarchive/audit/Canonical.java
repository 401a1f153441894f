package org.siarchive.audit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.jspecify.annotations.Nullable;
import org.siarchive.crypto.Sm3;

/**
 * The canonical bytes of an entry that its chain hash covers: every field length-prefixed (so no
 * value can be shifted into its neighbour), nulls distinct from empty strings, time in microseconds.
 */
final class Canonical {

    static final byte[] GENESIS = new byte[32];

    private Canonical() {}

    static byte[] bytes(
            long seq,
            Instant at,
            String actor,
            @Nullable String org,
            @Nullable String ip,
            @Nullable String client,
            String objectType,
            String objectId,
            String operation,
            String result,
            @Nullable String reason,
            @Nullable String detail) {
        var sb = new StringBuilder("siarchive-audit-v1");
        field(sb, Long.toString(seq));
        field(sb, Long.toString(ChronoUnit.MICROS.between(Instant.EPOCH, at)));
        for (String s :
                new String[] {actor, org, ip, client, objectType, objectId, operation, result, reason, detail}) {
            field(sb, s);
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void field(StringBuilder sb, @Nullable String s) {
        if (s == null) {
            sb.append("|-");
        } else {
            sb.append('|').append(s.length()).append(':').append(s);
        }
    }

    static byte[] chain(byte[] previous, byte[] canonical) {
        return Sm3.digest(previous, canonical);
    }
}
