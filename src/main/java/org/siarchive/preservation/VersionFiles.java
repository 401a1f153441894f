package org.siarchive.preservation;

import io.ocfl.api.OcflObjectUpdater;
import io.ocfl.api.OcflOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * How the files of a new object version get into it (docs/adr/0121). A file whose SHA-256 is known (a staged upload,
 * hashed in its one pass) is hard-linked and the link moved into the version: no copy, no second digest while adding
 * it, no second write of its bytes; ocfl-java still checks every file of the new version against the inventory's
 * digest before the version is committed (its staging verification), so a wrong digest fails the write. The source
 * itself stays, so a crash before the commit leaves the staged copy for start-up reconciliation. Other files, and
 * every file where the file system cannot link, are copied and hashed by ocfl-java.
 */
final class VersionFiles {

    private VersionFiles() {}

    static void add(OcflObjectUpdater updater, List<StoredFile> files) {
        for (var f : files) {
            Path link = f.sha256() == null ? null : linkOf(f.source());
            if (link == null) {
                updater.addPath(f.source(), f.logicalPath());
            } else {
                updater.unsafeAddPath(f.sha256(), link, f.logicalPath(), OcflOption.MOVE_SOURCE);
            }
        }
    }

    /** A second name for {@code source} beside it, or null where the file system cannot link. */
    private static @Nullable Path linkOf(Path source) {
        Path link = source.resolveSibling(source.getFileName() + ".ocfl");
        try {
            Files.deleteIfExists(link);
            return Files.createLink(link, source);
        } catch (IOException | UnsupportedOperationException e) {
            return null;
        }
    }
}
