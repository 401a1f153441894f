package org.siarchive.integrity;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.siarchive.preservation.Digester;
import org.siarchive.preservation.Fixity;

/**
 * Packs an OFD container directory (as ofdrw lays it out) into the OFD file, hashing the file while it is
 * written. XML parts are deflated; the page images are stored as they are: they are already compressed (PNG,
 * JPEG), and deflating them again was the most expensive step of a preservation copy (about 10 ms of CPU per
 * 400 KB of scan, for a file no smaller — docs/adr/0109). Both methods are plain ZIP, which GB/T 33190 asks for.
 */
final class OfdPackage {

    private static final int BUFFER = 64 * 1024;

    private OfdPackage() {}

    /** Writes {@code dir}'s files into {@code target} (entries relative to {@code dir}) and returns its fixity. */
    static Fixity write(Path dir, Path target) throws IOException {
        var digester = new Digester();
        try (var out = new ZipOutputStream(
                new BufferedOutputStream(new Hashing(Files.newOutputStream(target), digester), BUFFER))) {
            List<Path> files;
            try (Stream<Path> walk = Files.walk(dir)) {
                files = walk.filter(p -> !p.equals(dir)).sorted().toList();
            }
            for (Path p : files) {
                String name = dir.relativize(p).toString().replace('\\', '/');
                if (Files.isDirectory(p)) {
                    out.putNextEntry(new ZipEntry(name + "/"));
                    out.closeEntry();
                } else {
                    add(out, name, p);
                }
            }
        }
        return digester.finish();
    }

    private static void add(ZipOutputStream out, String name, Path file) throws IOException {
        var entry = new ZipEntry(name);
        if (!name.toLowerCase(Locale.ROOT).endsWith(".xml")) {
            // a stored entry states its size and CRC before its bytes: one streaming pass for them first
            var crc = new CRC32();
            long size = 0;
            byte[] buf = new byte[BUFFER];
            try (var in = Files.newInputStream(file)) {
                for (int n; (n = in.read(buf)) > 0; ) {
                    crc.update(buf, 0, n);
                    size += n;
                }
            }
            entry.setMethod(ZipEntry.STORED);
            entry.setSize(size);
            entry.setCompressedSize(size);
            entry.setCrc(crc.getValue());
        }
        out.putNextEntry(entry);
        try (var in = Files.newInputStream(file)) {
            in.transferTo(out);
        }
        out.closeEntry();
    }

    /** Passes every byte on to the file and to the digests. */
    private static final class Hashing extends FilterOutputStream {

        private final Digester digester;

        Hashing(OutputStream out, Digester digester) {
            super(out);
            this.digester = digester;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            digester.update(b, off, len);
            out.write(b, off, len);
        }
    }
}
