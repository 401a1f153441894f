package org.siarchive.capture;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.web.multipart.MultipartFile;

/** Adapts servlet multipart files to {@link Upload}s. */
final class MultipartUploads {

    private MultipartUploads() {}

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
}
