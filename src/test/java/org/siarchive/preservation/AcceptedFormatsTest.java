package org.siarchive.preservation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** The one accepted-format policy (docs/adr/0042): its default, its configuration keys old and new, its questions. */
class AcceptedFormatsTest {

    private static final FileFormat PDF = new FileFormat("PDF", "PDF/A-2b", "application/pdf", true);
    private static final FileFormat PPTX = new FileFormat(
            "PPTX", "PPTX", "application/vnd.openxmlformats-officedocument.presentationml.presentation", true);

    @Test
    void acceptsTheFilingFormatsOfGbT18894ByDefault() {
        var formats = configured(new MockEnvironment());

        assertThat(formats.families())
                .containsExactlyInAnyOrder("OFD", "PDF", "JPEG", "TIFF", "PNG", "JP2", "XML", "DOCX", "XLSX");
        assertThat(formats.accepts(PDF)).isTrue();
        assertThat(formats.accepts(PPTX)).isFalse();
        assertThat(formats.acceptsMediaType("image/jp2")).isTrue();
        assertThat(formats.acceptsMediaType("application/zip")).isFalse();
    }

    @Test
    void theNewKeyWinsOverTheOldOnes() {
        var env = new MockEnvironment()
                .withProperty("siarchive.files.accepted-formats", "pdf, ofd")
                .withProperty("siarchive.capture.accepted-formats", "PNG");

        var formats = configured(env);

        assertThat(formats.families()).containsExactlyInAnyOrder("PDF", "OFD");
        assertThat(formats.acceptsMediaType("application/pdf")).isTrue();
        assertThat(formats.acceptsMediaType("image/png")).isFalse();
    }

    @Test
    void theOldCaptureAndChecksKeysAreStillReadAndAFormatMustBeOnBoth() {
        var capture = new MockEnvironment().withProperty("siarchive.capture.accepted-formats", "PDF,PNG,TIFF");
        var both = new MockEnvironment()
                .withProperty("siarchive.capture.accepted-formats", "PDF,PNG,TIFF")
                .withProperty("siarchive.checks.archival-media-types", "application/pdf,image/tiff,application/ofd");
        var checks = new MockEnvironment().withProperty("siarchive.checks.archival-media-types", "application/ofd");

        assertThat(configured(capture).families()).containsExactlyInAnyOrder("PDF", "PNG", "TIFF");
        assertThat(configured(both).families()).containsExactlyInAnyOrder("PDF", "TIFF");
        assertThat(configured(checks).families()).containsExactly("OFD");
    }

    @Test
    void aFileNameClaimsTheFormatOfItsExtension() {
        assertThat(AcceptedFormats.claimedBy("增员表.PDF")).isEqualTo("PDF");
        assertThat(AcceptedFormats.claimedBy("scan.j2k")).isEqualTo("JP2");
        assertThat(AcceptedFormats.claimedBy("photo.jpeg")).isEqualTo("JPEG");
        assertThat(AcceptedFormats.claimedBy("notes.txt")).isNull();
        assertThat(AcceptedFormats.claimedBy("README")).isNull();
        assertThat(AcceptedFormats.claimedBy(null)).isNull();
    }

    @Test
    void fixityMatchesOnlyTheSameSizeAndBothDigests() {
        var f = new Fixity(3, "a".repeat(64), "b".repeat(64));

        assertThat(f.matches(new Fixity(3, "a".repeat(64), "b".repeat(64)))).isTrue();
        for (var other : List.of(
                new Fixity(4, "a".repeat(64), "b".repeat(64)),
                new Fixity(3, "c".repeat(64), "b".repeat(64)),
                new Fixity(3, "a".repeat(64), "c".repeat(64)))) {
            assertThat(f.matches(other)).as("%s", other).isFalse();
        }
    }

    private static AcceptedFormats configured(MockEnvironment env) {
        return new PreservationConfiguration().acceptedFormats(env);
    }
}
