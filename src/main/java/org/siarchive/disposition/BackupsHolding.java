package org.siarchive.disposition;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.siarchive.backup.BackupHistory;

/**
 * The {@code destruction_item.backups_holding} column: the backups taken while the item existed that still
 * hold its content, as a JSON array of {@code {"takenAt": ..., "expiresAt": ...}} (ISO-8601 instants). Only
 * the times are kept, never the backup's path.
 */
final class BackupsHolding {

    private static final Pattern ENTRY = Pattern.compile("\\{\"takenAt\":\"([^\"]+)\",\"expiresAt\":\"([^\"]+)\"}");

    /** One backup that still holds the destroyed content, until it expires. */
    record Held(OffsetDateTime takenAt, OffsetDateTime expiresAt) {}

    private BackupsHolding() {}

    static String json(List<BackupHistory.Taken> taken) {
        var out = new StringBuilder("[");
        for (var t : taken) {
            if (out.length() > 1) out.append(',');
            out.append("{\"takenAt\":\"")
                    .append(t.takenAt())
                    .append("\",\"expiresAt\":\"")
                    .append(t.expiresAt())
                    .append("\"}");
        }
        return out.append(']').toString();
    }

    static List<Held> parse(String json) {
        var out = new ArrayList<Held>();
        var m = ENTRY.matcher(json.replace(" ", ""));
        while (m.find()) {
            out.add(new Held(OffsetDateTime.parse(m.group(1)), OffsetDateTime.parse(m.group(2))));
        }
        return out;
    }
}
