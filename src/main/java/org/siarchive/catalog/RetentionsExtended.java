package org.siarchive.catalog;

import java.util.List;
import java.util.UUID;

/** Appraisal batch {@code batchNo} extended the terms of these items (search shows the new term). */
public record RetentionsExtended(String batchNo, List<UUID> itemIds) {

    public RetentionsExtended {
        itemIds = List.copyOf(itemIds);
    }
}
