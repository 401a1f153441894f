package org.siarchive.capture;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.siarchive.preservation.Digester;
import org.siarchive.preservation.Fixity;

/** Re-hashes a staged upload (reconciliation only). */
final class StagedFixity {

    private StagedFixity() {}

    static Fixity of(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            var d = new Digester();
            byte[] buf = new byte[64 * 1024];
            int n;
            while ((n = in.read(buf)) >= 0) {
                d.update(buf, 0, n);
            }
            return d.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
