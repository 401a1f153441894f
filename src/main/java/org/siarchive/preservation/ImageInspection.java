package org.siarchive.preservation;

import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.jspecify.annotations.Nullable;

/**
 * An image's size as its header declares it, read without decoding a pixel, for every page of a
 * multi-page TIFF: a decompression bomb is found before anything is expanded.
 */
final class ImageInspection {

    /** Pages looked at: a TIFF with more is judged by its first ones (the capture caps file size anyway). */
    private static final int MAX_PAGES = 10_000;

    /** The largest page's width and height. */
    record Size(long width, long height) {
        long pixels() {
            return width * height;
        }
    }

    private ImageInspection() {}

    /** The largest page, or null when no reader understands the header. */
    static @Nullable Size largestPage(Path file) throws IOException {
        try (var in = ImageIO.createImageInputStream(file.toFile())) {
            var readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                return null;
            }
            var reader = readers.next();
            try {
                reader.setInput(in, false, true);
                Size largest = new Size(reader.getWidth(0), reader.getHeight(0));
                int pages = Math.min(reader.getNumImages(true), MAX_PAGES);
                for (int i = 1; i < pages; i++) {
                    var page = new Size(reader.getWidth(i), reader.getHeight(i));
                    largest = page.pixels() > largest.pixels() ? page : largest;
                }
                return largest;
            } finally {
                reader.dispose();
            }
        }
    }
}
