package org.siarchive.preservation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Temporary local copies of stored files that are not on local disk, at most {@code limit} bytes in all. */
final class S3Copies {

    private S3Copies() {}

    static LocalCopies copy(StorageRoot root, Map<String, String> stored, Path dir, long limit) {
        var files = new LinkedHashMap<String, Path>();
        try {
            Files.createDirectories(dir);
            long total = 0;
            int n = 0;
            for (var e : stored.entrySet()) {
                Path copy = dir.resolve(n++ + suffix(e.getKey()));
                try (InputStream in = root.open(e.getValue())) {
                    total += copyAtMost(in, copy, limit - total);
                }
                files.put(e.getKey(), copy);
            }
            return new LocalCopies(files, dir);
        } catch (IOException | RuntimeException e) {
            DiskRoot.deleteTree(dir);
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
    }

    /** The logical path's extension, so a tool that looks at names sees the same type. */
    private static String suffix(String logicalPath) {
        String name = logicalPath.substring(logicalPath.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        return dot < 0 || name.length() - dot > 10 ? "" : name.substring(dot);
    }

    private static long copyAtMost(InputStream in, Path target, long room) throws IOException {
        long written = 0;
        try (var out = Files.newOutputStream(target)) {
            byte[] buf = new byte[256 * 1024];
            int r;
            while ((r = in.read(buf)) > 0) {
                written += r;
                if (written > room) {
                    throw new IllegalStateException(
                            "local copies exceed siarchive.preservation.local-copy-limit; raise it for such objects");
                }
                out.write(buf, 0, r);
            }
        }
        return written;
    }
}
