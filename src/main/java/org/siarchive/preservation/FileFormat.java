package org.siarchive.preservation;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A format identified from the bytes, never from the file name. {@code family} is the accepted-list
 * key (PDF, OFD, JPEG, TIFF, PNG, JP2, XML, DOCX, XLSX…); {@code name} may be more precise (PDF/A-2b).
 * {@code readable} is false when the bytes claim the format but do not parse as it. {@code hazards} are
 * what the file policy found (docs/adr/0033): a refused one keeps the file out of every intake.
 */
public record FileFormat(String family, String name, String mediaType, boolean readable, List<FileHazard> hazards) {

    public FileFormat {
        hazards = List.copyOf(hazards);
    }

    public FileFormat(String family, String name, String mediaType, boolean readable) {
        this(family, name, mediaType, readable, List.of());
    }

    static FileFormat unknown(String mediaType) {
        return new FileFormat("UNKNOWN", "UNKNOWN", mediaType, false);
    }

    /** The first hazard the policy refuses, or null when the file may be filed. */
    public @Nullable FileHazard refusal() {
        return hazards.stream().filter(FileHazard::refused).findFirst().orElse(null);
    }

    FileFormat with(FileHazard hazard) {
        var all = new java.util.ArrayList<>(hazards);
        all.add(hazard);
        return new FileFormat(family, name, mediaType, readable, all);
    }
}
