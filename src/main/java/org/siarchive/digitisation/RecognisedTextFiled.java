package org.siarchive.digitisation;

import java.util.UUID;
import org.siarchive.search.RecognisedTexts;

/**
 * A scanned item of an OCR batch was confirmed into the catalogue: its pages' recognised text now belongs to
 * catalogue item {@code itemId}. Published in the confirmation's transaction; search indexes the item again
 * through {@link RecognisedTexts.Changed} (docs/adr/0045).
 */
public record RecognisedTextFiled(UUID itemId, UUID scanItemId, UUID batchId) implements RecognisedTexts.Changed {}
