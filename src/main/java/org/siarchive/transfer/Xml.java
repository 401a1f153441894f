package org.siarchive.transfer;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.siarchive.shared.xml.SafeXml;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** Writing and reading (through the XML door: no DTD, no external entity, bounded size) of the packages' XML. */
final class Xml {

    static final String NS = "http://www.saac.gov.cn/standards/ERM/encapsulation";

    private Xml() {}

    static String escape(@Nullable String s) {
        if (s == null) {
            return "";
        }
        var b = new StringBuilder(s.length() + 16);
        s.codePoints().forEach(cp -> {
            switch (cp) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                default -> {
                    boolean legal = cp == 0x9
                            || cp == 0xA
                            || cp == 0xD
                            || (cp >= 0x20 && cp <= 0xD7FF)
                            || (cp >= 0xE000 && cp <= 0xFFFD)
                            || (cp >= 0x10000 && cp <= 0x10FFFF);
                    if (legal) {
                        b.appendCodePoint(cp);
                    }
                }
            }
        });
        return b.toString();
    }

    /** Appends {@code <name>value</name>}, the value escaped (null as empty). */
    static void element(StringBuilder s, String name, @Nullable String value) {
        s.append('<')
                .append(name)
                .append('>')
                .append(escape(value))
                .append("</")
                .append(name)
                .append('>');
    }

    /** Parses through the platform's one XML door: a DOCTYPE is an error, not something to skip. */
    static Document parse(byte[] bytes, long maxBytes) throws IOException {
        return SafeXml.parse(bytes, maxBytes);
    }

    static @Nullable Element child(@Nullable Element parent, String name) {
        if (parent == null) {
            return null;
        }
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && name.equals(e.getLocalName()) && NS.equals(e.getNamespaceURI())) {
                return e;
            }
        }
        return null;
    }

    static List<Element> children(@Nullable Element parent, String name) {
        var out = new ArrayList<Element>();
        if (parent == null) {
            return out;
        }
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && name.equals(e.getLocalName()) && NS.equals(e.getNamespaceURI())) {
                out.add(e);
            }
        }
        return out;
    }

    /** The text of the element at {@code path} (slash-separated child names), or null. */
    static @Nullable String text(@Nullable Element from, String path) {
        Element e = from;
        for (String part : path.split("/")) {
            e = child(e, part);
            if (e == null) {
                return null;
            }
        }
        String t = e.getTextContent();
        return t == null ? null : t.strip();
    }

    /** Finds a byte sequence in {@code data} from {@code from}; -1 when absent. */
    static int indexOf(byte[] data, byte[] needle, int from) {
        outer:
        for (int i = Math.max(0, from); i <= data.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (data[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
