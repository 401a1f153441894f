package org.siarchive.monitoring;

import java.util.Set;
import org.siarchive.audit.AuditTrail;

/** Who an audit entry is by: the platform itself, or a person or client system at work. */
final class Actors {

    /** The platform's own actors (scheduled jobs, the demo loader) and the names of nobody signed in. */
    static final Set<String> SYSTEM = Set.of("system", "demo-loader", "anonymous", "-");

    static final String CLIENT = "client:";

    private Actors() {}

    /** Whether a person or a client system did it (not the platform's own work). */
    static boolean someone(AuditTrail.Entry e) {
        return !SYSTEM.contains(e.actor());
    }

    /**
     * Interactive use: a signed-in account at the console or an API client with its token — entries of a known
     * organisation by someone, never the platform's jobs, the demo loader or login attempts by unknown names.
     */
    static boolean interactive(AuditTrail.Entry e) {
        return someone(e) && e.org() != null;
    }

    static boolean client(AuditTrail.Entry e) {
        return e.actor().startsWith(CLIENT) && e.actor().length() > CLIENT.length();
    }
}
