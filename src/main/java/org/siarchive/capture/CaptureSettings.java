package org.siarchive.capture;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Capture settings: how large one file and how many files one capture may be. Which formats are accepted
 * is the one policy of {@link org.siarchive.preservation.AcceptedFormats} (docs/adr/0042).
 */
@ConfigurationProperties("siarchive.capture")
public record CaptureSettings(DataSize maxFileSize, int maxFiles) {

    public CaptureSettings {
        if (maxFileSize == null) {
            maxFileSize = DataSize.ofMegabytes(200);
        }
        if (maxFiles <= 0) {
            maxFiles = 50;
        }
    }
}
