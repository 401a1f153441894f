package org.siarchive.preservation;

/**
 * A format identified from the bytes, never from the file name. {@code family} is the accepted-list
 * key (PDF, OFD, JPEG, TIFF, PNG, JP2, XML, DOCX, XLSX…); {@code name} may be more precise (PDF/A-2b).
 * {@code readable} is false when the bytes claim the format but do not parse as it.
 */
public record FileFormat(String family, String name, String mediaType, boolean readable) {

    static FileFormat unknown(String mediaType) {
        return new FileFormat("UNKNOWN", "UNKNOWN", mediaType, false);
    }
}
