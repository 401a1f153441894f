package org.siarchive.integrity;

import java.io.IOException;
import java.nio.file.Path;
import java.util.zip.ZipFile;
import org.siarchive.shared.xml.SafeXml;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The read-back of an OFD copy just written (GB/T 33190 §7): the package opens as a zip, {@code OFD.xml} names the
 * document's root part, that part lists the pages, and every page's content part is in the package. Only the central
 * directory and three kinds of XML part are read, with the hardened parser; the page images are not extracted (opening
 * the copy with ofdrw's reader unpacked the whole file into a temporary directory, docs/adr/0122).
 */
final class OfdStructure {

    private static final long MAX_PART = 4 * 1024 * 1024;

    private OfdStructure() {}

    /** The number of pages the OFD's first document lists, once every page's content part is found. */
    static int pages(Path ofd) throws IOException {
        try (var zip = new ZipFile(ofd.toFile())) {
            String root = strip(text(xml(zip, "OFD.xml"), "DocRoot"));
            String dir = root.contains("/") ? root.substring(0, root.lastIndexOf('/') + 1) : "";
            var pages = xml(zip, root).getElementsByTagNameNS("*", "Page");
            for (int i = 0; i < pages.getLength(); i++) {
                String base = ((Element) pages.item(i)).getAttribute("BaseLoc");
                String part = base.startsWith("/") ? strip(base) : dir + base;
                if (base.isEmpty() || zip.getEntry(part) == null) {
                    throw new IOException("OFD page " + (i + 1) + ": no content part '" + base + "'");
                }
            }
            return pages.getLength();
        }
    }

    private static Document xml(ZipFile zip, String name) throws IOException {
        var entry = zip.getEntry(name);
        if (entry == null) {
            throw new IOException("OFD part missing: " + name);
        }
        try (var in = zip.getInputStream(entry)) {
            return SafeXml.parse(in, MAX_PART);
        }
    }

    private static String text(Document doc, String localName) throws IOException {
        var nodes = doc.getElementsByTagNameNS("*", localName);
        if (nodes.getLength() == 0 || nodes.item(0).getTextContent().isBlank()) {
            throw new IOException("OFD.xml names no " + localName);
        }
        return nodes.item(0).getTextContent().strip();
    }

    private static String strip(String path) {
        return path.startsWith("/") ? path.substring(1) : path;
    }
}
