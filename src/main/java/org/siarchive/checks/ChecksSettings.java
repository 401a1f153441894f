package org.siarchive.checks;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Check settings: the media types accepted as archival formats (GB/T 18894-2016: OFD, PDF and PDF/A,
 * JPEG, TIFF, PNG, JPEG 2000, XML, OOXML text and spreadsheets).
 */
@ConfigurationProperties("siarchive.checks")
public record ChecksSettings(List<String> archivalMediaTypes) {

    public ChecksSettings {
        if (archivalMediaTypes == null || archivalMediaTypes.isEmpty()) {
            archivalMediaTypes = List.of(
                    "application/ofd",
                    "application/pdf",
                    "image/jpeg",
                    "image/tiff",
                    "image/png",
                    "image/jp2",
                    "application/xml",
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        }
    }
}
