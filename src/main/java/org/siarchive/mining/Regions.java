package org.siarchive.mining;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.siarchive.organisation.OrgUnit;

/**
 * The region of an item for the volume series: the city-level unit (地市) on its fonds' organisation path — the
 * deepest CITY unit from the root down — or, where the path has none, the unit the path names. Paths are resolved
 * once each (there are as many as fonds).
 */
final class Regions {

    /** Items whose fonds names no organisation. */
    static final long NONE = 0;

    private final Map<Long, OrgUnit> units = new HashMap<>();
    private final Map<String, Long> resolved = new HashMap<>();

    Regions(List<OrgUnit> tree) {
        tree.forEach(u -> units.put(u.id(), u));
    }

    long of(@Nullable String orgPath) {
        if (orgPath == null) {
            return NONE;
        }
        return resolved.computeIfAbsent(orgPath, this::resolve);
    }

    private long resolve(String path) {
        long region = NONE;
        long last = NONE;
        for (String part : path.split("/")) {
            if (part.isEmpty()) {
                continue;
            }
            try {
                last = Long.parseLong(part);
            } catch (NumberFormatException e) {
                return NONE;
            }
            var unit = units.get(last);
            if (unit != null && "CITY".equals(unit.level())) {
                region = last;
            }
        }
        return region != NONE ? region : last;
    }

    String name(long id) {
        var unit = units.get(id);
        return unit == null ? "" : unit.name();
    }
}
