package org.siarchive.digitisation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.jspecify.annotations.Nullable;
import org.siarchive.capture.Upload;
import org.siarchive.preservation.FileSettings;
import org.siarchive.preservation.FormatIdentifier;
import org.siarchive.shared.InvalidInputException;
import org.siarchive.shared.Violation;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

/**
 * The pages of a rescan, stored as a batch's upload is ({@link ZipPages}: file policy, size and page caps,
 * each file synced): one zip, or page images (and scanner PDFs) given one by one, taken in name order as a
 * zip's entries are. They go into their own directory inside the batch's, so the batch's earlier pages are
 * never touched; a refused upload leaves nothing behind.
 */
@Component
class RescanUploads {

    private final FileSettings settings;
    private final FormatIdentifier formats;

    RescanUploads(FileSettings settings, FormatIdentifier formats) {
        this.settings = settings;
        this.formats = formats;
    }

    /** The files of a multipart request (an empty part without a name is no file). */
    static List<Upload> of(@Nullable List<MultipartFile> files) {
        if (files == null) {
            return List.of();
        }
        return files.stream()
                .filter(f -> !(f.isEmpty()
                        && (f.getOriginalFilename() == null
                                || f.getOriginalFilename().isBlank())))
                .map(f -> new Upload(f.getOriginalFilename() == null ? "" : f.getOriginalFilename(), f::getInputStream))
                .toList();
    }

    List<ZipPages.StoredPage> store(List<Upload> files, Path dir, String batchName) {
        if (files.isEmpty()) {
            throw new InvalidInputException(Violation.of("files", "required"));
        }
        try {
            Files.createDirectories(dir);
            List<ZipPages.StoredPage> pages;
            if (files.size() == 1
                    && files.get(0).originalName().toLowerCase(Locale.ROOT).endsWith(".zip")) {
                try (var in = files.get(0).opener().open()) {
                    pages = ZipPages.read(in, dir, batchName, settings, formats).pages();
                }
            } else {
                pages = fromImages(files, dir, batchName);
            }
            PageFiles.syncDirectory(dir);
            return pages;
        } catch (IOException e) {
            PageFiles.deleteQuietly(dir);
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            PageFiles.deleteQuietly(dir);
            throw e;
        }
    }

    /** Single images go through the same intake as a zip: packed (uncompressed) into a temporary one. */
    private List<ZipPages.StoredPage> fromImages(List<Upload> files, Path dir, String batchName) throws IOException {
        Path zip = Files.createTempFile("rescan", ".zip");
        try {
            try (var out = new ZipOutputStream(Files.newOutputStream(zip), StandardCharsets.UTF_8)) {
                out.setLevel(0);
                var names = new HashSet<String>();
                int n = 0;
                for (var f : files) {
                    n++;
                    String name = f.originalName().isBlank() ? "page-" + n : f.originalName();
                    out.putNextEntry(new ZipEntry(names.add(name) ? name : n + "/" + name));
                    try (InputStream in = f.opener().open()) {
                        in.transferTo(out);
                    }
                    out.closeEntry();
                }
            }
            try (var in = Files.newInputStream(zip)) {
                return ZipPages.read(in, dir, batchName, settings, formats).pages();
            }
        } finally {
            Files.deleteIfExists(zip);
        }
    }
}
