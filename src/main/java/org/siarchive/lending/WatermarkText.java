package org.siarchive.lending;

import java.time.OffsetDateTime;
import org.siarchive.shared.Actor;
import org.siarchive.shared.ReadableTime;

/**
 * The two lines burned into every viewed or printed page: who looked, when (as people read time) and
 * from where; under which request, which item, and whether it is a print. A page that leaves the platform
 * names its reader, so the time must be the one the reader's own clock showed.
 */
record WatermarkText(String first, String second) {

    static WatermarkText of(
            Actor reader, OffsetDateTime at, long requestId, String archiveCode, boolean print, ReadableTime time) {
        return new WatermarkText(
                reader.name() + "  " + time.format(at, ReadableTime.SECONDS) + "  " + reader.ip(),
                "利用单 " + requestId + "  " + archiveCode + (print ? "  打印件" : "  仅供查阅"));
    }
}
