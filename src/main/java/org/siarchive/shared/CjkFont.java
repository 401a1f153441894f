package org.siarchive.shared;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;

/** The CJK font embedded (as a subset) in the PDFs the platform writes: WenQuanYi Zen Hei. */
public final class CjkFont {

    public static final Path FILE = Path.of("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc");

    private CjkFont() {}

    /** The first font of the collection; callers keep it (parsing it again costs ~100 ms). */
    public static TrueTypeFont load() {
        if (!Files.isReadable(FILE)) {
            throw new IllegalStateException(FILE + " is missing: install fonts-wqy-zenhei");
        }
        try {
            var collection = new TrueTypeCollection(FILE.toFile());
            var found = new TrueTypeFont[1];
            collection.processAllFonts(f -> {
                if (found[0] == null) {
                    found[0] = f;
                }
            });
            return found[0];
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
