package org.siarchive.integrity;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.siarchive.audit.AuditOperation;
import org.siarchive.audit.AuditTrail;

/**
 * An audited item event in words people read (issue 14): a message key per operation
 * ({@code events.detail.<OPERATION>}) and the values it names — the object version, the reason a person
 * typed, the kind of a fixity finding. The audit detail itself (codes, paths, English) stays in the trail
 * and the API.
 */
final class EventWords {

    private static final Pattern VERSION = Pattern.compile("(?:^|\\s)v(\\d+)$");

    private EventWords() {}

    static PreservationEvents.Said said(AuditTrail.Entry e) {
        var op = e.typedOperation().orElseThrow();
        String detail = e.detail() == null ? "" : e.detail();
        if (op == AuditOperation.FIXITY_FAILURE) {
            String kind = detail.split(" ", 2)[0];
            return new PreservationEvents.Said("fixity.kind." + kind, List.of());
        }
        var args = new ArrayList<String>();
        var version = VERSION.matcher(detail);
        if (version.find()) {
            args.add(version.group(1));
        }
        String key = "events.detail." + op.name() + (args.isEmpty() ? "" : ".version");
        if (e.reason() != null && !e.reason().isBlank()) {
            args.add(e.reason());
            key += ".reason";
        }
        return new PreservationEvents.Said(key, args);
    }
}
