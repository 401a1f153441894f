package org.siarchive.catalog;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.siarchive.shared.Access;

/**
 * Something other modules want said on an item's page — an active legal hold, for one. Implemented by the
 * modules that know it (the catalogue cannot depend on them); the item page shows every notice.
 */
public interface ItemNotices {

    /** A line of the page: its message key and arguments (already worded), and a page to follow, if any. */
    record Notice(String messageKey, List<String> args, @Nullable String link) {

        public Notice {
            args = List.copyOf(args);
        }
    }

    /** The notices about the item that this reader may see. */
    List<Notice> of(UUID itemId, Access access);
}
