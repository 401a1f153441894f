package org.siarchive.preservation;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * What the file policy needs from a PDF, read with bounded memory (a file-backed reader, at most 16 MB of
 * stream cache in memory, the rest in temporary files): its page count and any active content. Active
 * content is what DA/T 70's security items warn of: JavaScript (names tree, OpenAction, annotation and
 * form-field actions), launch actions, embedded files and XFA forms, found wherever they sit in the
 * object graph.
 */
final class PdfInspection {

    private static final long MEMORY = 16L << 20;
    private static final Set<COSName> ACTIVE_KEYS =
            Set.of(COSName.JAVA_SCRIPT, COSName.JS, COSName.EMBEDDED_FILES, COSName.EF, COSName.getPDFName("XFA"));
    private static final Set<COSName> ACTIVE_ACTIONS = Set.of(
            COSName.JAVA_SCRIPT,
            COSName.getPDFName("Launch"),
            COSName.getPDFName("ImportData"),
            COSName.getPDFName("RichMedia"));

    private PdfInspection() {}

    /** Loads the PDF with bounded memory; the caller closes the document. */
    static PDDocument load(Path file) throws IOException {
        return Loader.loadPDF(
                new RandomAccessReadBufferedFile(file.toFile()), "", MemoryUsageSetting.setupMixed(MEMORY).streamCache);
    }

    /** The kinds of active content found (JavaScript, Launch, EmbeddedFile…), empty when none. */
    static List<String> activeContent(PDDocument doc) {
        var found = new java.util.TreeSet<String>();
        var seen = java.util.Collections.newSetFromMap(new IdentityHashMap<COSBase, Boolean>());
        var cos = doc.getDocument();
        walk(cos.getTrailer(), found, seen, 0);
        for (var key : new ArrayList<>(cos.getXrefTable().keySet())) {
            var object = cos.getObjectFromPool(key);
            if (object != null) {
                walk(object.getObject(), found, seen, 0);
            }
        }
        return List.copyOf(found);
    }

    /** Depth-first through direct objects; indirect ones are visited from the cross-reference table. */
    private static void walk(COSBase base, Set<String> found, Set<COSBase> seen, int depth) {
        if (base == null || depth > 64 || !seen.add(base)) {
            return;
        }
        if (base instanceof COSDictionary dict) {
            inspect(dict, found);
            for (var value : dict.getValues()) {
                walk(value, found, seen, depth + 1);
            }
        } else if (base instanceof COSArray array) {
            for (int i = 0; i < array.size(); i++) {
                walk(array.get(i), found, seen, depth + 1);
            }
        }
    }

    private static void inspect(COSDictionary dict, Set<String> found) {
        for (var key : dict.keySet()) {
            if (ACTIVE_KEYS.contains(key)) {
                found.add(key.getName());
            }
        }
        var action = dict.getCOSName(COSName.S);
        if (action != null && ACTIVE_ACTIONS.contains(action)) {
            found.add(action.getName());
        }
        if (COSName.EMBEDDED_FILE.equals(dict.getCOSName(COSName.TYPE))) {
            found.add("EmbeddedFile");
        }
    }
}
