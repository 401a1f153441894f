package org.siarchive.catalog;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** An item stuck in RECEIVING and the node whose capture registered it (null on rows from before issue 21). */
public record ReceivingItem(UUID id, @Nullable String node) {}
