package org.siarchive.digitisation;

import java.awt.Color;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/** A levelled working copy for OCR and the access copy. The master keeps its skew, stains and holes. */
public final class Deskew {

    private Deskew() {}

    /** The image rotated back by {@code skewDegrees} about its centre, on a white background. */
    public static BufferedImage level(BufferedImage image, double skewDegrees) {
        if (Math.abs(skewDegrees) < 0.1) {
            return image;
        }
        var out = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        var g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, out.getWidth(), out.getHeight());
        g.rotate(Math.toRadians(-skewDegrees), image.getWidth() / 2.0, image.getHeight() / 2.0);
        g.drawImage(image, 0, 0, null);
        g.dispose();
        return out;
    }
}
