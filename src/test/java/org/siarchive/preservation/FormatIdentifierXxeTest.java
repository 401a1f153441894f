package org.siarchive.preservation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ofdrw.layout.OFDDoc;
import org.ofdrw.layout.element.Paragraph;
import org.siarchive.support.HostileXml;

/**
 * Format identification opens every captured file: Tika's XML sniffing, the XML check, the OFD and OOXML
 * containers and PDF/A's XMP packet each meet a hostile document without network or file access, and an
 * XML-carrying format with a DOCTYPE is identified as not readable (so GD refuses the capture).
 */
class FormatIdentifierXxeTest {

    @TempDir
    Path dir;

    private final FormatIdentifier identifier = new FormatIdentifier();

    @Test
    void anXmlFileWithExternalEntitiesIsNotReadable() throws Exception {
        try (var attacker = new HostileXml()) {
            var format = identifier.identify(write("a.xml", attacker.document()));

            assertThat(format.family()).isEqualTo("XML");
            assertThat(format.readable()).isFalse();
            assertThat(attacker.hits()).isZero();
        }
    }

    @Test
    void aDocumentStartingWithItsDoctypeIsSniffedWithoutNetworkAccess() throws Exception {
        try (var attacker = new HostileXml()) {
            // no XML declaration: Tika's root-element sniffing is the first to read it
            byte[] bare = attacker.plant("<r xmlns=\"urn:x\">x</r>").getBytes(StandardCharsets.UTF_8);

            var format = identifier.identify(write("bare.xml", bare));

            assertThat(format.readable()).isFalse();
            assertThat(attacker.hits()).isZero();
        }
    }

    @Test
    void anOfdWithExternalEntitiesIsNotReadable() throws Exception {
        try (var attacker = new HostileXml()) {
            Path plain = dir.resolve("plain.ofd");
            try (var doc = new OFDDoc(plain)) {
                doc.add(new Paragraph("档案", 5d));
            }
            assertThat(identifier.identify(plain).readable()).isTrue();

            byte[] hostile = attacker.plantIntoZip(Files.readAllBytes(plain), n -> n.endsWith("Document.xml"));
            var format = identifier.identify(write("hostile.ofd", hostile));

            assertThat(format.family()).isEqualTo("OFD");
            assertThat(format.readable()).isFalse();
            assertThat(attacker.hits()).isZero();
        }
    }

    @Test
    void aDocxWithExternalEntitiesIsNotReadable() throws Exception {
        try (var attacker = new HostileXml()) {
            byte[] docx;
            try (var doc = new XWPFDocument();
                    var out = new ByteArrayOutputStream()) {
                doc.createParagraph().createRun().setText("档案");
                doc.write(out);
                docx = out.toByteArray();
            }
            assertThat(identifier.identify(write("plain.docx", docx)).readable())
                    .isTrue();

            var format = identifier.identify(
                    write("hostile.docx", attacker.plantIntoZip(docx, n -> n.equals("word/document.xml"))));

            assertThat(format.family()).isEqualTo("DOCX");
            assertThat(format.readable()).isFalse();
            assertThat(attacker.hits()).isZero();
        }
    }

    @Test
    void aPdfWhoseXmpPacketDeclaresExternalEntitiesIsReadWithoutNetworkAccess() throws Exception {
        try (var attacker = new HostileXml()) {
            // given a PDF whose XMP metadata stream carries the DOCTYPE (PDF/A identification reads XMP)
            String xmp = attacker.plant("<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF"
                    + " xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\"><rdf:Description"
                    + " xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\" pdfaid:part=\"2\" pdfaid:conformance=\"B\"/>"
                    + "</rdf:RDF></x:xmpmeta>");
            byte[] pdf;
            try (var doc = new PDDocument();
                    var out = new ByteArrayOutputStream()) {
                doc.addPage(new PDPage());
                var meta = new PDMetadata(doc);
                meta.importXMPMetadata(xmp.getBytes(StandardCharsets.UTF_8));
                doc.getDocumentCatalog().setMetadata(meta);
                doc.save(out);
                pdf = out.toByteArray();
            }

            var format = identifier.identify(write("xmp.pdf", pdf));

            // then the packet is read as text, never parsed: no fetch, and the identification is unchanged
            assertThat(format.family()).isEqualTo("PDF");
            assertThat(format.name()).isEqualTo("PDF/A-2b");
            assertThat(attacker.hits()).isZero();
        }
    }

    private Path write(String name, byte[] content) throws Exception {
        return Files.write(dir.resolve(name), content);
    }
}
