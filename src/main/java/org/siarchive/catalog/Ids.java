package org.siarchive.catalog;

import java.util.UUID;
import org.siarchive.shared.NotFoundException;

/** A malformed id is simply an id that does not exist: 404, not 400 or 500. */
public final class Ids {

    private Ids() {}

    public static UUID uuid(String objectType, String raw) {
        try {
            return UUID.fromString(raw.strip());
        } catch (IllegalArgumentException e) {
            throw new NotFoundException(objectType, raw.length() > 60 ? raw.substring(0, 60) : raw);
        }
    }
}
