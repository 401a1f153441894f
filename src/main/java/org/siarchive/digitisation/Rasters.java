package org.siarchive.digitisation;

import java.awt.image.BufferedImage;
import java.awt.image.ComponentSampleModel;
import java.awt.image.MultiPixelPackedSampleModel;

/**
 * The box-filter sums of {@link WorkingCopy} for each raster layout: every loop walks one source row at a
 * time and adds each block of {@code f} pixels to its working column, so no pixel is converted twice and
 * nothing but the small working copy is allocated.
 */
final class Rasters {

    private Rasters() {}

    /** 8-bit interleaved or banded samples in one array: grey, or colour with the bands in R, G, B order. */
    static void bytes(byte[] data, ComponentSampleModel sm, int colours, int rows, WorkingCopy.Accumulator a) {
        int ps = sm.getPixelStride();
        int ss = sm.getScanlineStride();
        int[] bo = sm.getBandOffsets();
        int f = a.f;
        for (int y = 0; y < rows; y++) {
            int row = y * ss;
            if (colours == 1) {
                int p = row + bo[0];
                for (int ox = 0; ox < a.w; ox++) {
                    int sum = 0;
                    for (int k = 0; k < f; k++, p += ps) {
                        sum += data[p] & 0xff;
                    }
                    a.g[ox] += sum;
                }
            } else {
                int p = row;
                for (int ox = 0; ox < a.w; ox++) {
                    int sr = 0;
                    int sg = 0;
                    int sb = 0;
                    for (int k = 0; k < f; k++, p += ps) {
                        sr += data[p + bo[0]] & 0xff;
                        sg += data[p + bo[1]] & 0xff;
                        sb += data[p + bo[2]] & 0xff;
                    }
                    a.r[ox] += sr;
                    a.g[ox] += sg;
                    a.b[ox] += sb;
                }
            }
            if ((y + 1) % f == 0) {
                a.endRow(y / f, colours > 1);
            }
        }
    }

    /** Packed 32-bit pixels of the standard int types (RGB, ARGB, BGR). */
    static void packed(int[] data, int ss, int type, int rows, WorkingCopy.Accumulator a) {
        boolean bgr = type == BufferedImage.TYPE_INT_BGR;
        int f = a.f;
        for (int y = 0; y < rows; y++) {
            int p = y * ss;
            for (int ox = 0; ox < a.w; ox++) {
                int sr = 0;
                int sg = 0;
                int sb = 0;
                for (int k = 0; k < f; k++, p++) {
                    int px = data[p];
                    sr += (px >> 16) & 0xff;
                    sg += (px >> 8) & 0xff;
                    sb += px & 0xff;
                }
                a.r[ox] += bgr ? sb : sr;
                a.g[ox] += sg;
                a.b[ox] += bgr ? sr : sb;
            }
            if ((y + 1) % f == 0) {
                a.endRow(y / f, true);
            }
        }
    }

    /** One bit per pixel (bitonal scans, e.g. CCITT G4 TIFF): the two palette entries as grey values. */
    static void bits(
            byte[] data, MultiPixelPackedSampleModel sm, BufferedImage image, int rows, WorkingCopy.Accumulator a) {
        int ss = sm.getScanlineStride();
        int offset = sm.getDataBitOffset();
        int zero = image.getColorModel().getRGB(0);
        int one = image.getColorModel().getRGB(1);
        int g0 = luma(zero);
        int g1 = luma(one);
        int f = a.f;
        for (int y = 0; y < rows; y++) {
            int row = y * ss;
            int x = 0;
            for (int ox = 0; ox < a.w; ox++) {
                int sum = 0;
                for (int k = 0; k < f; k++, x++) {
                    int bit = offset + x;
                    int v = (data[row + (bit >> 3)] >> (7 - (bit & 7))) & 1;
                    sum += v == 0 ? g0 : g1;
                }
                a.g[ox] += sum;
            }
            if ((y + 1) % f == 0) {
                a.endRow(y / f, false);
            }
        }
    }

    /** Any other layout (palette, 16-bit, grey with alpha): the colour model's sRGB values, a row at a time. */
    static void anyRgb(BufferedImage image, int rows, WorkingCopy.Accumulator a) {
        int f = a.f;
        int[] row = new int[a.w * f];
        boolean colour = image.getColorModel().getNumColorComponents() > 1;
        for (int y = 0; y < rows; y++) {
            image.getRGB(0, y, a.w * f, 1, row, 0, a.w * f);
            int p = 0;
            for (int ox = 0; ox < a.w; ox++) {
                int sr = 0;
                int sg = 0;
                int sb = 0;
                for (int k = 0; k < f; k++, p++) {
                    int px = row[p];
                    sr += (px >> 16) & 0xff;
                    sg += (px >> 8) & 0xff;
                    sb += px & 0xff;
                }
                if (colour) {
                    a.r[ox] += sr;
                    a.g[ox] += sg;
                    a.b[ox] += sb;
                } else {
                    a.g[ox] += (sr * 299 + sg * 587 + sb * 114) / 1000;
                }
            }
            if ((y + 1) % f == 0) {
                a.endRow(y / f, colour);
            }
        }
    }

    /**
     * Grey layouts without a fast path (16-bit, grey with alpha): the stored grey samples, scaled to 8 bits.
     * Not through {@link BufferedImage#getRGB}: Java's grey colour space is linear and would brighten them.
     */
    static void anyGrey(BufferedImage image, int rows, WorkingCopy.Accumulator a) {
        int f = a.f;
        int[] row = new int[a.w * f];
        int max = (1 << image.getColorModel().getComponentSize(0)) - 1;
        var raster = image.getRaster();
        for (int y = 0; y < rows; y++) {
            raster.getSamples(0, y, a.w * f, 1, 0, row);
            int p = 0;
            for (int ox = 0; ox < a.w; ox++) {
                int sum = 0;
                for (int k = 0; k < f; k++, p++) {
                    sum += row[p] * 255 / max;
                }
                a.g[ox] += sum;
            }
            if ((y + 1) % f == 0) {
                a.endRow(y / f, false);
            }
        }
    }

    private static int luma(int rgb) {
        return (((rgb >> 16) & 0xff) * 299 + ((rgb >> 8) & 0xff) * 587 + (rgb & 0xff) * 114) / 1000;
    }
}
