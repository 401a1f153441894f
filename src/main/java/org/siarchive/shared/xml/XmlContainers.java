package org.siarchive.shared.xml;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

/**
 * The pre-scan of zip containers whose parts libraries parse for us (OFD, GB/T 33190; OOXML, ISO/IEC
 * 29500): every part that is XML by its name or its first bytes goes through {@link SafeXml#check} before
 * the library sees the container, so a DOCTYPE in any part refuses the whole file. Bounded: at most
 * {@value #MAX_ENTRIES} entries and {@value #MAX_PART_BYTES} bytes per XML part, read lazily so a zip
 * bomb is cut off at the bound.
 */
public final class XmlContainers {

    static final int MAX_ENTRIES = 10_000;
    static final int MAX_PART_BYTES = 32 * 1024 * 1024;
    private static final int SNIFF = 64;

    private XmlContainers() {}

    /** Inspects a container on disk (entries as the central directory lists them). */
    public static void inspect(Path container) throws IOException {
        try (var zip = new ZipFile(container.toFile())) {
            if (zip.size() > MAX_ENTRIES) {
                throw tooMany();
            }
            var entries = zip.entries();
            while (entries.hasMoreElements()) {
                var e = entries.nextElement();
                if (!e.isDirectory()) {
                    try (var in = zip.getInputStream(e)) {
                        inspectPart(e.getName(), in);
                    }
                }
            }
        }
    }

    /** Inspects a container in memory (entries as the local headers give them, as streaming readers see them). */
    public static void inspect(byte[] container) throws IOException {
        try (var zip = new ZipInputStream(new ByteArrayInputStream(container))) {
            int n = 0;
            for (var e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                if (++n > MAX_ENTRIES) {
                    throw tooMany();
                }
                if (!e.isDirectory()) {
                    inspectPart(e.getName(), zip);
                }
            }
        }
    }

    private static void inspectPart(String name, InputStream in) throws IOException {
        byte[] head = in.readNBytes(SNIFF);
        if (!hasXmlName(name) && !Bytes.looksLikeXml(head)) {
            return;
        }
        byte[] rest = in.readNBytes(MAX_PART_BYTES - head.length + 1);
        if (head.length + rest.length > MAX_PART_BYTES) {
            throw new RefusedXmlException(RefusedXmlException.Reason.TOO_LARGE, "XML 部件超过 " + MAX_PART_BYTES + " 字节");
        }
        byte[] part = new byte[head.length + rest.length];
        System.arraycopy(head, 0, part, 0, head.length);
        System.arraycopy(rest, 0, part, head.length, rest.length);
        SafeXml.check(part);
    }

    private static boolean hasXmlName(String name) {
        String n = name.toLowerCase(java.util.Locale.ROOT);
        return n.endsWith(".xml") || n.endsWith(".rels") || n.endsWith(".vml") || n.endsWith(".svg");
    }

    private static RefusedXmlException tooMany() {
        return new RefusedXmlException(RefusedXmlException.Reason.TOO_LARGE, "条目超过 " + MAX_ENTRIES + " 个");
    }
}
