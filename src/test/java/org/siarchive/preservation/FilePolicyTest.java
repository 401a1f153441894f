package org.siarchive.preservation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.siarchive.shared.InvalidInputException;
import org.siarchive.shared.OriginalNames;
import org.siarchive.support.HostileFiles;
import org.siarchive.support.Samples;

/** The file policy on crafted files, without the platform around it (docs/adr/0033). */
class FilePolicyTest {

    @TempDir
    Path tmp;

    private final FormatIdentifier formats = new FormatIdentifier();

    @Test
    void acceptsAnOrdinaryPdfAndImageWithoutHazards() throws IOException {
        assertThat(formats.identify(file("ok.pdf", Samples.pdf("ok")))).satisfies(f -> {
            assertThat(f.readable()).isTrue();
            assertThat(f.hazards()).isEmpty();
        });
        assertThat(formats.identify(file("ok.png", Samples.png(1))).hazards()).isEmpty();
    }

    @Test
    void refusesAPdfWithAnEmbeddedFile() throws IOException {
        var format = formats.identify(file("attach.pdf", pdfWithAttachment()));

        assertThat(format.refusal()).isNotNull();
        assertThat(format.refusal().rule()).isEqualTo("file.activeContent");
        assertThat(format.refusal().detail()).contains("EmbeddedFile");
    }

    @Test
    void flagsActiveContentInsteadOfRefusingWhenThePolicySaysSo() throws IOException {
        var flagging = new FormatIdentifier(new FileSettings(FileSettings.ActiveContent.FLAG, 0, 0, 0, 0, 0));

        var format = flagging.identify(file("script.pdf", HostileFiles.pdfWithOpenActionScript()));

        assertThat(format.refusal()).isNull();
        assertThat(format.hazards()).singleElement().satisfies(h -> assertThat(h.refused())
                .isFalse());
        assertThat(format.name()).contains("JavaScript");
    }

    @Test
    void refusesAPdfBeyondThePageCap() throws IOException {
        var capped = new FormatIdentifier(new FileSettings(null, 0, 1, 0, 0, 0));
        byte[] twoPages;
        try (var doc = new PDDocument()) {
            doc.addPage(new PDPage());
            doc.addPage(new PDPage());
            var out = new ByteArrayOutputStream();
            doc.save(out);
            twoPages = out.toByteArray();
        }

        assertThat(capped.identify(file("two.pdf", twoPages)).refusal().rule()).isEqualTo("file.tooManyPages");
    }

    @Test
    void refusesAnImageThatIsAlsoAZipOrCarriesDataAfterItsEnd() throws IOException {
        var pngZip = new ByteArrayOutputStream();
        pngZip.writeBytes(Samples.png(2));
        pngZip.writeBytes(HostileFiles.zipOf("x.txt", "x".getBytes(StandardCharsets.UTF_8)));
        var pngTail = new ByteArrayOutputStream();
        pngTail.writeBytes(Samples.png(3));
        pngTail.writeBytes(new byte[4096]);

        assertThat(formats.identify(file("a.png", pngZip.toByteArray()))
                        .refusal()
                        .rule())
                .isEqualTo("file.polyglot");
        assertThat(formats.identify(file("b.png", pngTail.toByteArray()))
                        .refusal()
                        .detail())
                .contains("4096");
    }

    @Test
    void refusesAnOfdContainerThatAPdfReaderWouldAlsoOpen() throws IOException {
        var out = new ByteArrayOutputStream();
        try (var z = new ZipOutputStream(out)) {
            z.putNextEntry(new ZipEntry("%PDF-1.7 hidden"));
            z.closeEntry();
            z.putNextEntry(new ZipEntry("OFD.xml"));
            z.write("<ofd:OFD xmlns:ofd=\"http://www.ofdspec.org/2016\"/>".getBytes(StandardCharsets.UTF_8));
            z.closeEntry();
        }

        var format = formats.identify(file("both.ofd", out.toByteArray()));

        assertThat(format.family()).isEqualTo("OFD");
        assertThat(format.refusal().rule()).isEqualTo("file.polyglot");
    }

    @Test
    void doesNotMistakeStrayZipSignatureBytesInAPdfForAPolyglot() throws IOException {
        String pdf = new String(Samples.pdf("stray"), StandardCharsets.ISO_8859_1);
        int eof = pdf.lastIndexOf("%%EOF");
        String withStray = pdf.substring(0, eof) + "%PK\u0005\u0006 stray bytes in a comment\n" + pdf.substring(eof);

        var format = formats.identify(file("stray.pdf", withStray.getBytes(StandardCharsets.ISO_8859_1)));

        assertThat(format.readable()).isTrue();
        assertThat(format.hazards()).isEmpty();
    }

    @Test
    void normalisesOriginalNames() {
        assertThat(OriginalNames.clean("e\u0301\u202Eexe.pdf")).isEqualTo("\u00e9exe.pdf");
        assertThat(OriginalNames.clean("../../etc/\u2066passwd\u2069")).isEqualTo("passwd");
        assertThat(OriginalNames.clean("a\u200Bb\u0000.png")).isEqualTo("ab.png");
        assertThat(OriginalNames.clean("\u202E")).isEqualTo("unnamed");
    }

    @Test
    void stopsAZipEntryThatExpandsBeyondTheRatioWhateverItsHeaderSays() throws IOException {
        Path zip = tmp.resolve("bomb.zip");
        try (var z = new ZipOutputStream(Files.newOutputStream(zip))) {
            z.putNextEntry(new ZipEntry("zeros.bin"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 64; i++) {
                z.write(zeros);
            }
            z.closeEntry();
        }
        var guard = new ZipGuard("bomb.zip", 10, 100);

        try (var file = new ZipFile(zip.toFile())) {
            var entry = file.getEntry("zeros.bin");
            assertThatThrownBy(() -> {
                        try (InputStream in =
                                guard.expanding(file.getInputStream(entry), "zeros.bin", entry.getCompressedSize())) {
                            in.transferTo(java.io.OutputStream.nullOutputStream());
                        }
                    })
                    .isInstanceOfSatisfying(
                            InvalidInputException.class,
                            e -> assertThat(e.violations()).singleElement().satisfies(v -> {
                                assertThat(v.rule()).isEqualTo("zip.ratio");
                                assertThat(v.args()).contains("bomb.zip", "zeros.bin");
                            }));
        }
        assertThatThrownBy(() -> guard.entries(11)).isInstanceOf(InvalidInputException.class);
    }

    private Path file(String name, byte[] bytes) throws IOException {
        return Files.write(tmp.resolve(name), bytes);
    }

    private static byte[] pdfWithAttachment() throws IOException {
        try (var doc = new PDDocument()) {
            doc.addPage(new PDPage());
            var embedded =
                    new PDEmbeddedFile(doc, new java.io.ByteArrayInputStream("MZ".getBytes(StandardCharsets.US_ASCII)));
            var spec = new PDComplexFileSpecification();
            spec.setFile("tool.exe");
            spec.setEmbeddedFile(embedded);
            var tree = new org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode();
            tree.setNames(java.util.Map.of("tool.exe", spec));
            var names = new org.apache.pdfbox.pdmodel.PDDocumentNameDictionary(doc.getDocumentCatalog());
            names.setEmbeddedFiles(tree);
            doc.getDocumentCatalog().setNames(names);
            var out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        }
    }
}
