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

    /**
     * The one parsed copy of the font in this JVM. Parsing holds the collection's 16.8 MB twice in memory plus its
     * character maps (about 48 MB live); each PDF writer used to parse its own, five at start-up, which kept the
     * platform from starting in a small heap (issue 20, docs/adr/0120). PDF writers already share one copy across
     * request threads; PDFBox reads a TrueType font's tables under a lock on its data.
     */
    private static volatile TrueTypeFont shared;

    private CjkFont() {}

    /** The first font of the collection, parsed once per JVM and shared by every caller. */
    public static TrueTypeFont load() {
        var font = shared;
        if (font == null) {
            synchronized (CjkFont.class) {
                font = shared;
                if (font == null) {
                    font = parse();
                    shared = font;
                }
            }
        }
        return font;
    }

    private static TrueTypeFont parse() {
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
