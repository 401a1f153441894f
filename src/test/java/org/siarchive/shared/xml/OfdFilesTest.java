package org.siarchive.shared.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.dom4j.DocumentException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ofdrw.layout.OFDDoc;
import org.ofdrw.layout.element.Paragraph;
import org.ofdrw.pkg.tool.SAXReaderFactory;
import org.siarchive.support.HostileXml;

/**
 * Opening an OFD (certificate verification and signing, the integrity module's read-back of preservation
 * copies): a hostile part refuses the file, and ofdrw's own parsing is hardened even where the pre-scan
 * would not look.
 */
class OfdFilesTest {

    @TempDir
    Path dir;

    @Test
    void refusesAnOfdWhosePartsDeclareExternalEntities() throws Exception {
        try (var attacker = new HostileXml()) {
            // given a real OFD whose OFD.xml and Document.xml carry the attacker's DOCTYPE
            Path hostile = dir.resolve("hostile.ofd");
            Files.write(
                    hostile,
                    attacker.plantIntoZip(
                            Files.readAllBytes(plainOfd()),
                            name -> name.endsWith("OFD.xml") || name.endsWith("Document.xml")));

            // when it is opened, then it is refused for its DOCTYPE and nothing was fetched
            assertThatThrownBy(() -> OfdFiles.open(hostile).close())
                    .isInstanceOfSatisfying(RefusedXmlException.class, e -> assertThat(e.reason())
                            .isEqualTo(RefusedXmlException.Reason.DOCTYPE))
                    .hasMessageNotContaining(attacker.marker());
            assertThat(attacker.hits()).isZero();
        }
    }

    @Test
    void refusesAHostilePartHiddenUnderABinaryName() throws Exception {
        try (var attacker = new HostileXml()) {
            // given an OFD with an XML part named like an image (ofdrw follows whatever path OFD.xml names)
            Path hostile = dir.resolve("hidden.ofd");
            Files.write(
                    hostile, attacker.plantIntoZip(Files.readAllBytes(renamed(plainOfd())), n -> n.endsWith(".png")));

            assertThatThrownBy(() -> OfdFiles.open(hostile).close()).isInstanceOf(RefusedXmlException.class);
            assertThat(attacker.hits()).isZero();
        }
    }

    @Test
    void ofdrwParsesEveryPartWithTheHardenedReader() throws Exception {
        try (var attacker = new HostileXml()) {
            // given the door is loaded, when ofdrw parses a part itself (as while signing or validating)
            OfdFiles.open(plainOfd()).close();

            // then its reader is the door's, and the hostile document fails without network or file access
            var reader = SAXReaderFactory.create();
            assertThat(reader).isInstanceOf(OfdFiles.HardenedSaxReader.class);
            assertThatThrownBy(() -> reader.read(new ByteArrayInputStream(attacker.document())))
                    .isInstanceOf(DocumentException.class)
                    .hasMessageNotContaining(attacker.marker());
            assertThat(attacker.hits()).isZero();
        }
    }

    @Test
    void opensAPlainOfd() throws Exception {
        try (var reader = OfdFiles.open(plainOfd())) {
            assertThat(reader.getNumberOfPages()).isEqualTo(1);
        }
    }

    private Path plainOfd() throws Exception {
        Path ofd = dir.resolve("plain.ofd");
        if (!Files.exists(ofd)) {
            try (var doc = new OFDDoc(ofd)) {
                doc.add(new Paragraph("社会保险业务档案", 5d));
            }
        }
        return ofd;
    }

    /** A copy with an extra entry "res/page.png" that holds XML (an attacker's hiding place). */
    private Path renamed(Path ofd) throws Exception {
        Path out = dir.resolve("renamed.ofd");
        try (var in = new java.util.zip.ZipInputStream(Files.newInputStream(ofd));
                var z = new java.util.zip.ZipOutputStream(Files.newOutputStream(out))) {
            for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                z.putNextEntry(new java.util.zip.ZipEntry(e.getName()));
                z.write(in.readAllBytes());
                z.closeEntry();
            }
            z.putNextEntry(new java.util.zip.ZipEntry("Doc_0/Res/page.png"));
            z.write("<?xml version=\"1.0\"?><Res/>".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            z.closeEntry();
        }
        return out;
    }
}
