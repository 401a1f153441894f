package org.siarchive.preservation;

import io.ocfl.api.model.ObjectDetails;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What an object holds on disk, for checking every byte of it: every content file of every version as the
 * inventory's manifest records it, and the regular files in the object directory that are neither content,
 * inventory, inventory digest, namaste declaration nor extension or log data (OCFL 1.1 §3.1). Reads the
 * inventory, lists the directory; hashes nothing.
 */
final class ObjectInventory {

    private ObjectInventory() {}

    static StoredObject of(ObjectDetails details, Path storageRoot, Path objectRoot) {
        var algorithm = details.getDigestAlgorithm();
        var headPathsByStorage = details.getHeadVersion().getFiles().stream()
                .collect(Collectors.groupingBy(
                        f -> f.getStorageRelativePath(), Collectors.mapping(f -> f.getPath(), Collectors.toList())));
        var content = new LinkedHashMap<String, StoredObject.Content>();
        for (var version : details.getVersionMap().values()) {
            for (var file : version.getFiles()) {
                String storage = file.getStorageRelativePath();
                if (content.containsKey(storage)) {
                    continue;
                }
                Path onDisk = storageRoot.resolve(storage);
                content.put(
                        storage,
                        new StoredObject.Content(
                                objectRoot.relativize(onDisk).toString(),
                                onDisk,
                                file.getFixity().get(algorithm),
                                headPaths(headPathsByStorage, storage)));
            }
        }
        var known =
                content.values().stream().map(StoredObject.Content::contentPath).collect(Collectors.toSet());
        return new StoredObject(
                algorithm.getJavaStandardName(), List.copyOf(content.values()), unexpected(objectRoot, known));
    }

    private static List<String> headPaths(Map<String, List<String>> headPathsByStorage, String storage) {
        return headPathsByStorage.getOrDefault(storage, List.of()).stream()
                .sorted()
                .toList();
    }

    private static List<String> unexpected(Path objectRoot, Set<String> content) {
        try (Stream<Path> walk = Files.walk(objectRoot)) {
            return walk.filter(Files::isRegularFile)
                    .map(p -> objectRoot.relativize(p).toString())
                    .filter(rel -> !content.contains(rel) && !isObjectMetadata(rel))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isObjectMetadata(String rel) {
        return rel.startsWith("0=ocfl_object_")
                || rel.startsWith("extensions/")
                || rel.startsWith("logs/")
                || rel.matches("(v\\d+/)?inventory\\.json(\\.(sha512|sha256))?");
    }
}
