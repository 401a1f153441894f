package org.siarchive.shared;

import java.util.List;
import java.util.Map;

/**
 * A 409 whose problem details also list, per duplicate, what arrived and what is already held (docs/adr/0035),
 * so a client can show the archivist the items to compare before deciding.
 */
public class DuplicatesHeldException extends ConflictException {

    private final List<Map<String, Object>> duplicates;

    public DuplicatesHeldException(List<Map<String, Object>> duplicates, String messageKey, Object... args) {
        super(messageKey, args);
        this.duplicates = List.copyOf(duplicates);
    }

    public List<Map<String, Object>> duplicates() {
        return duplicates;
    }
}
