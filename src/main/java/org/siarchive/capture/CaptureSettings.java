package org.siarchive.capture;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Capture settings. The accepted formats follow GB/T 18894-2016's filing formats (fixed-layout OFD and
 * PDF/PDF-A, images JPEG/TIFF/PNG/JPEG 2000, XML, and OOXML text and spreadsheets).
 */
@ConfigurationProperties("siarchive.capture")
public record CaptureSettings(DataSize maxFileSize, List<String> acceptedFormats, int maxFiles) {

    public CaptureSettings {
        if (maxFileSize == null) {
            maxFileSize = DataSize.ofMegabytes(200);
        }
        if (acceptedFormats == null || acceptedFormats.isEmpty()) {
            acceptedFormats = List.of("OFD", "PDF", "JPEG", "TIFF", "PNG", "JP2", "XML", "DOCX", "XLSX");
        }
        if (maxFiles <= 0) {
            maxFiles = 50;
        }
    }
}
