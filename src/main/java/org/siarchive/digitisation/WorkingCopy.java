package org.siarchive.digitisation;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentSampleModel;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.awt.image.MultiPixelPackedSampleModel;
import java.awt.image.Raster;
import java.awt.image.SinglePixelPackedSampleModel;

/**
 * The small grey copy a page is analysed on, made in one pass over the decoded raster: each working pixel
 * is the plain average of a {@code factor × factor} block of the page (a box filter by an integer factor,
 * at least {@link #MIN_WIDTH} wide). The share of clearly red working pixels (seals, red headers) is counted
 * in the same pass from the averaged colours, so the colour check still sees colour. Bytes are read straight
 * from the raster for the layouts decoders produce (8-bit grey or RGB interleaved, packed int RGB, 1-bit);
 * any other layout goes through the raster's grey samples or {@link BufferedImage#getRGB} row by row. Grey
 * pages are measured on their stored values, like colour pages (not brightened by Java's linear grey).
 */
record WorkingCopy(int[] grey, int width, int height, double redShare) {

    static final int MIN_WIDTH = 800;

    /** The working copy of {@code image}: factor {@code max(1, width / 800)}, edge rows/columns that do not fill a block left out. */
    static WorkingCopy of(BufferedImage image) {
        return of(image, Math.max(1, image.getWidth() / MIN_WIDTH));
    }

    static WorkingCopy of(BufferedImage image, int factor) {
        int f = Math.max(1, Math.min(factor, Math.min(image.getWidth(), image.getHeight())));
        int w = image.getWidth() / f;
        int h = image.getHeight() / f;
        var acc = new Accumulator(w, h, f);
        Raster raster = image.getRaster();
        var sm = raster.getSampleModel();
        int rows = Math.min(image.getHeight(), h * f);
        if (raster.getDataBuffer() instanceof DataBufferByte bytes
                && bytes.getNumBanks() == 1
                && sm instanceof ComponentSampleModel csm
                && csm.getNumBands() == image.getColorModel().getNumComponents()
                && (csm.getNumBands() == 1 || csm.getNumBands() >= 3)
                && image.getColorModel().getComponentSize(0) == 8
                && standardSpace(image)
                && raster.getSampleModelTranslateX() == 0
                && raster.getSampleModelTranslateY() == 0) {
            Rasters.bytes(bytes.getData(), csm, image.getColorModel().getNumColorComponents(), rows, acc);
        } else if (raster.getDataBuffer() instanceof DataBufferInt ints
                && sm instanceof SinglePixelPackedSampleModel sp
                && image.getType() != BufferedImage.TYPE_CUSTOM
                && raster.getSampleModelTranslateX() == 0
                && raster.getSampleModelTranslateY() == 0) {
            Rasters.packed(ints.getData(), sp.getScanlineStride(), image.getType(), rows, acc);
        } else if (raster.getDataBuffer() instanceof DataBufferByte bytes
                && sm instanceof MultiPixelPackedSampleModel mp
                && mp.getPixelBitStride() == 1
                && raster.getSampleModelTranslateX() == 0
                && raster.getSampleModelTranslateY() == 0) {
            Rasters.bits(bytes.getData(), mp, image, rows, acc);
        } else if (image.getColorModel().getNumColorComponents() == 1
                && image.getColorModel().getColorSpace().getType() == ColorSpace.TYPE_GRAY
                && !(image.getColorModel() instanceof java.awt.image.IndexColorModel)) {
            Rasters.anyGrey(image, rows, acc);
        } else {
            Rasters.anyRgb(image, rows, acc);
        }
        return acc.result();
    }

    private static boolean standardSpace(BufferedImage image) {
        int type = image.getColorModel().getColorSpace().getType();
        return type == ColorSpace.TYPE_RGB || type == ColorSpace.TYPE_GRAY;
    }

    /** Sums of one band of working rows, filled source row by source row. */
    static final class Accumulator {
        final int w;
        final int h;
        final int f;
        final int[] r;
        final int[] g;
        final int[] b;
        final int[] grey;
        private long red;
        private boolean colour;

        Accumulator(int w, int h, int f) {
            this.w = w;
            this.h = h;
            this.f = f;
            this.r = new int[w];
            this.g = new int[w];
            this.b = new int[w];
            this.grey = new int[w * h];
        }

        /**
         * Ends working row {@code oy}: averages, grey (ITU-R 601 weights) and the red count; a grey page
         * summed its values in {@link #g} only.
         */
        void endRow(int oy, boolean isColour) {
            colour |= isColour;
            int n = f * f;
            int base = oy * w;
            for (int x = 0; x < w; x++) {
                int gg = g[x] / n;
                if (isColour) {
                    int rr = r[x] / n;
                    int bb = b[x] / n;
                    grey[base + x] = (rr * 299 + gg * 587 + bb * 114) / 1000;
                    if (rr > 140 && rr > gg + 60 && rr > bb + 60) {
                        red++;
                    }
                    r[x] = 0;
                    b[x] = 0;
                } else {
                    grey[base + x] = gg;
                }
                g[x] = 0;
            }
        }

        WorkingCopy result() {
            return new WorkingCopy(grey, w, h, colour ? (double) red / grey.length : 0);
        }
    }
}
