package org.siarchive.support.corpus;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.metadata.IIOMetadataNode;
import org.jspecify.annotations.Nullable;

/** The files of a corpus page: PNG with a pHYs resolution, and a JSON description. */
final class CorpusFiles {

    private CorpusFiles() {}

    static byte[] png(BufferedImage img, int dpi) {
        try {
            var writer = ImageIO.getImageWritersByFormatName("png").next();
            var meta = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(img), null);
            var phys = new IIOMetadataNode("pHYs");
            String perMetre = Long.toString(Math.round(dpi / 0.0254));
            phys.setAttribute("pixelsPerUnitXAxis", perMetre);
            phys.setAttribute("pixelsPerUnitYAxis", perMetre);
            phys.setAttribute("unitSpecifier", "meter");
            var root = new IIOMetadataNode("javax_imageio_png_1.0");
            root.appendChild(phys);
            meta.mergeTree("javax_imageio_png_1.0", root);
            var out = new ByteArrayOutputStream();
            try (var ios = ImageIO.createImageOutputStream(out)) {
                writer.setOutput(ios);
                writer.write(null, new IIOImage(img, null, meta), null);
            } finally {
                writer.dispose();
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String json(CorpusPage p) {
        var pr = p.printed();
        return "{\n"
                + "  \"id\": " + str(p.id()) + ",\n"
                + "  \"layout\": " + str(p.layout()) + ",\n"
                + "  \"poor\": " + p.poor() + ",\n"
                + "  \"dpi\": " + p.dpi() + ",\n"
                + "  \"colour\": " + str(p.colour()) + ",\n"
                + "  \"skewDegrees\": " + p.skewDegrees() + ",\n"
                + "  \"degradations\": " + list(OcrCorpus.degradations(p)).replace("\n", "") + ",\n"
                + "  \"printed\": {\"formTitle\": " + str(pr.formTitle()) + ", \"name\": " + str(pr.name())
                + ", \"idNumber\": " + str(pr.idNumber()) + ", \"creditCode\": " + str(pr.creditCode())
                + ", \"date\": " + str(pr.date()) + "},\n"
                + "  \"segments\": " + list(p.segments()) + "\n"
                + "}\n";
    }

    private static String list(List<String> items) {
        var sb = new StringBuilder("[");
        for (int i = 0; i < items.size(); i++) {
            sb.append(i == 0 ? "\n    " : ",\n    ").append(str(items.get(i)));
        }
        return sb.append("\n  ]").toString();
    }

    static String str(@Nullable String s) {
        if (s == null) {
            return "null";
        }
        var sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                default -> {
                    if (c < 0x20) {
                        sb.append("\\u%04x".formatted((int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}
