package org.siarchive.support;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.jspecify.annotations.Nullable;
import org.siarchive.quality.CitizenIdNumber;
import org.siarchive.quality.Submission;

/** Test data: valid submissions and small real files (PNG, PDF) with distinct content. */
public final class Samples {

    private Samples() {}

    /** A random valid 18-digit citizen ID number born in the given year. */
    public static String citizenId(int birthYear) {
        var r = ThreadLocalRandom.current();
        String first17 =
                "110105%04d%02d%02d%03d".formatted(birthYear, 1 + r.nextInt(12), 1 + r.nextInt(28), r.nextInt(1000));
        return first17 + CitizenIdNumber.checkChar(first17);
    }

    public static String acceptanceNo() {
        return "SL" + System.nanoTime() + ThreadLocalRandom.current().nextInt(1000);
    }

    /** 个人参保登记 (GRCB) of a person: requires materials RY01 and RY02. */
    public static Submission personEnrolment(String acceptanceNo, String certNo, String name) {
        return new Submission(
                "0001",
                acceptanceNo,
                "GRCB",
                "110",
                name + "参保登记",
                "测试市社会保险事业管理中心",
                "2024-05-10",
                null,
                null,
                new Submission.Person("01", certNo, name),
                null,
                "李经办",
                "测试市社会保险事业管理中心",
                "2024-05-10T09:30:00+08:00",
                List.of(new Submission.Material("RY01"), new Submission.Material("RY02")));
    }

    /** The same enrolment filed in another fonds with a 密级, and with phone and bank account. */
    public static Submission personEnrolment(
            String fonds,
            @Nullable String securityLevel,
            String acceptanceNo,
            String certNo,
            String name,
            @Nullable String phone,
            @Nullable String bank) {
        var s = personEnrolment(acceptanceNo, certNo, name);
        return new Submission(
                fonds,
                s.acceptanceNo(),
                s.businessStep(),
                s.insuranceType(),
                s.title(),
                s.responsible(),
                s.docDate(),
                s.docNo(),
                securityLevel,
                new Submission.Person("01", certNo, name, phone, bank),
                s.employer(),
                s.handler(),
                s.handlingAgency(),
                s.handledAt(),
                s.files());
    }

    /** A small PNG whose pixels carry {@code seed}, so different seeds give different digests. */
    public static byte[] png(long seed) {
        var img = new BufferedImage(32, 32, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color((int) (seed * 2654435761L) & 0xffffff));
        g.fillRect(0, 0, 32, 32);
        g.setColor(Color.BLACK);
        g.drawString(Long.toString(seed % 1000), 2, 20);
        g.dispose();
        var out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A one-page PDF carrying {@code text}. */
    public static byte[] pdf(String text) {
        try (var doc = new PDDocument()) {
            var page = new PDPage();
            doc.addPage(page);
            try (var cs = new PDPageContentStream(doc, page)) {
                cs.beginText();
                cs.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                cs.newLineAtOffset(72, 700);
                cs.showText(text);
                cs.endText();
            }
            var out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
