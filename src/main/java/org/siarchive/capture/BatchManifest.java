package org.siarchive.capture;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.siarchive.shared.InvalidInputException;
import org.siarchive.shared.Violation;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The batch request's {@code manifest} part: {@code {"items": [{"idempotencyKey": "…", "metadata": {…},
 * "files": ["part-name", …]}, …]}}. A manifest that is not of this shape refuses the whole batch; an entry's
 * own faults (its metadata, a missing file part) refuse only that item.
 */
record BatchManifest(List<Entry> entries) {

    /** One item as the manifest names it: its metadata JSON and the names of its file parts, in order. */
    record Entry(@Nullable String idempotencyKey, String metadata, List<String> files) {}

    static BatchManifest read(JsonMapper json, String manifest, int maxItems) {
        if (manifest.length() > org.siarchive.shared.Bounds.MAX_MANIFEST) {
            throw new InvalidInputException(
                    Violation.of("manifest", "maxLength", org.siarchive.shared.Bounds.MAX_MANIFEST));
        }
        JsonNode root;
        try {
            root = json.readTree(manifest);
        } catch (JacksonException e) {
            throw new InvalidInputException(Violation.of("manifest", "json"));
        }
        JsonNode items = root == null ? null : root.get("items");
        if (items == null || !items.isArray()) {
            throw new InvalidInputException(Violation.of("manifest.items", "required"));
        }
        if (items.size() > maxItems) {
            throw new InvalidInputException(Violation.of("items", "batchTooManyItems", maxItems));
        }
        var entries = new ArrayList<Entry>();
        for (int i = 0; i < items.size(); i++) {
            entries.add(entry(json, items.get(i), i));
        }
        return new BatchManifest(entries);
    }

    private static Entry entry(JsonMapper json, JsonNode e, int i) {
        if (!e.isObject() || !e.path("metadata").isObject() || !e.path("files").isArray()) {
            throw new InvalidInputException(Violation.of("manifest.items[" + i + "]", "batchEntry"));
        }
        var files = new ArrayList<String>();
        e.get("files").forEach(f -> files.add(f.asString()));
        JsonNode key = e.get("idempotencyKey");
        return new Entry(
                key == null || key.isNull() ? null : key.asString(), json.writeValueAsString(e.get("metadata")), files);
    }
}
