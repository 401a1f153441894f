package org.siarchive.digitisation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
 * each file synced): one zip, or page images (and scanner PDFs) given one by one, in the order sent. They go into their own directory inside the batch's, so the batch's earlier pages are
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
            var parts = files.stream()
                    .map(f ->
                            new ZipPages.Part(f.originalName(), () -> f.opener().open()))
                    .toList();
            var at = new ZipPages.At(dir, dir, 0, 0, ScanBatches.MAX_PAGES, ScanBatches.MAX_BYTES);
            var pages =
                    ZipPages.readParts(parts, at, batchName, settings, formats).pages();
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
}
