package org.siarchive.capture;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.siarchive.shared.Violation;
import org.springframework.web.multipart.MultipartFile;

/**
 * The files of one console capture form: the ones kept from an earlier refused submit (by token), the
 * ones chosen now (each kept at once, so a refusal loses none of them), one per material row. A file
 * chosen now replaces the one kept for its row; a removed one is discarded.
 */
record CaptureFormFiles(Map<String, FormUploads.Kept> byMaterial, List<Violation> refused) {

    /** The form input of a material row's file: {@code file-<material code>}. */
    static String field(String material) {
        return "file-" + material;
    }

    static CaptureFormFiles collect(
            FormUploads store,
            String owner,
            @Nullable List<String> materials,
            @Nullable List<MultipartFile> files,
            @Nullable List<String> tokens,
            @Nullable String remove) {
        var kept = new LinkedHashMap<String, FormUploads.Kept>();
        var refused = new ArrayList<Violation>();
        for (String token : tokens == null ? List.<String>of() : tokens) {
            if (token.equals(remove)) {
                store.discard(owner, token);
                continue;
            }
            store.find(owner, token)
                    .ifPresentOrElse(
                            k -> kept.put(k.material(), k), () -> refused.add(Violation.of("files", "keptExpired")));
        }
        if (materials != null && files != null) {
            for (int i = 0; i < Math.min(materials.size(), files.size()); i++) {
                chosen(store, owner, materials.get(i), files.get(i), kept, refused);
            }
        }
        var rows = materials == null ? List.<String>of() : materials;
        var ordered = new LinkedHashMap<String, FormUploads.Kept>();
        for (String m : rows) {
            if (kept.containsKey(m)) {
                ordered.put(m, kept.remove(m));
            }
        }
        kept.values().forEach(k -> store.discard(owner, k.token())); // rows no longer on the form
        return new CaptureFormFiles(ordered, refused);
    }

    private static void chosen(
            FormUploads store,
            String owner,
            String material,
            MultipartFile f,
            Map<String, FormUploads.Kept> kept,
            List<Violation> refused) {
        String name = f.getOriginalFilename() == null ? "" : f.getOriginalFilename();
        if (f.isEmpty() && name.isBlank()) {
            return; // nothing chosen in this row
        }
        String field = field(material);
        if (f.isEmpty()) {
            refused.add(Violation.of(field, "emptyFile"));
            return;
        }
        var outcome = store.keep(owner, material, name, f::getInputStream, field);
        outcome.refused().ifPresent(refused::add);
        outcome.kept().ifPresent(k -> {
            var before = kept.put(material, k);
            if (before != null) {
                store.discard(owner, before.token());
            }
        });
    }

    /** The materials of the kept files, in row order: what the submission lists. */
    List<String> materials() {
        return List.copyOf(byMaterial.keySet());
    }

    List<Upload> uploads() {
        return byMaterial.values().stream().map(FormUploads.Kept::upload).toList();
    }

    void discardAll(FormUploads store, String owner) {
        byMaterial.values().forEach(k -> store.discard(owner, k.token()));
    }
}
