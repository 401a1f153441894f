package org.siarchive.preservation;

import io.ocfl.api.model.ObjectDetails;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What an object holds, for checking every byte of it: every content file of every version as the inventory's
 * manifest records it, and the files under the object root that are neither content, inventory, inventory
 * digest, namaste declaration nor extension or log data (OCFL 1.1 §3.1). Reads the inventory, lists the object's
 * files (a directory walk on disk, a key listing in S3); hashes nothing.
 */
final class ObjectInventory {

    private ObjectInventory() {}

    static StoredObject of(ObjectDetails details, StorageRoot root, String objectRoot) {
        var algorithm = details.getDigestAlgorithm();
        var headPathsByStorage = details.getHeadVersion().getFiles().stream()
                .collect(Collectors.groupingBy(
                        f -> f.getStorageRelativePath(), Collectors.mapping(f -> f.getPath(), Collectors.toList())));
        var content = new LinkedHashMap<String, StoredObject.Content>();
        String prefix = objectRoot + "/";
        for (var version : details.getVersionMap().values()) {
            for (var file : version.getFiles()) {
                String storage = file.getStorageRelativePath();
                if (content.containsKey(storage)) {
                    continue;
                }
                content.put(
                        storage,
                        new StoredObject.Content(
                                storage.startsWith(prefix) ? storage.substring(prefix.length()) : storage,
                                () -> root.open(storage),
                                file.getFixity().get(algorithm),
                                headPaths(headPathsByStorage, storage)));
            }
        }
        var known =
                content.values().stream().map(StoredObject.Content::contentPath).collect(Collectors.toSet());
        return new StoredObject(
                algorithm.getJavaStandardName(), List.copyOf(content.values()), unexpected(root, objectRoot, known));
    }

    private static List<String> headPaths(Map<String, List<String>> headPathsByStorage, String storage) {
        return headPathsByStorage.getOrDefault(storage, List.of()).stream()
                .sorted()
                .toList();
    }

    private static List<String> unexpected(StorageRoot root, String objectRoot, Set<String> content) {
        return root.list(objectRoot).stream()
                .filter(rel -> !content.contains(rel) && !isObjectMetadata(rel))
                .sorted()
                .toList();
    }

    private static boolean isObjectMetadata(String rel) {
        return rel.startsWith("0=ocfl_object_")
                || rel.startsWith("extensions/")
                || rel.startsWith("logs/")
                || rel.matches("(v\\d+/)?inventory\\.json(\\.(sha512|sha256))?");
    }
}
