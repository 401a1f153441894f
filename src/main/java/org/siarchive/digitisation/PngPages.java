package org.siarchive.digitisation;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.nio.ByteBuffer;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.jspecify.annotations.Nullable;

/**
 * Decoding of the PNG pages scanners and SIArchive write — 8-bit grey, 8-bit RGB or 1-bit grey, not
 * interlaced, no transparency or ICC profile — straight into the raster ImageIO would make for them
 * ({@code TYPE_BYTE_GRAY}, {@code TYPE_3BYTE_BGR}, {@code TYPE_BYTE_BINARY}) with the resolution of the pHYs
 * chunk. The compressed data goes to the inflater in one piece and each row is unfiltered in place, where
 * ImageIO streams it through small buffers. Any other PNG, and any file this reading finds wrong, returns
 * null: ImageIO reads it (and says what is wrong with it).
 */
final class PngPages {

    private static final long SIGNATURE = 0x89504E470D0A1A0AL;

    private PngPages() {}

    private record Header(int width, int height, int depth, int colourType) {}

    static PageAnalyzer.@Nullable Decoded decode(byte[] png) {
        try {
            return read(png);
        } catch (RuntimeException | DataFormatException e) {
            return null;
        }
    }

    private static PageAnalyzer.@Nullable Decoded read(byte[] png) throws DataFormatException {
        var in = ByteBuffer.wrap(png);
        if (png.length < 33 || in.getLong() != SIGNATURE) {
            return null;
        }
        Header header = null;
        int dpi = 0;
        var idat = new java.io.ByteArrayOutputStream(png.length);
        while (in.remaining() >= 12) {
            int length = in.getInt();
            int type = in.getInt();
            int start = in.position();
            if (length < 0 || length > in.remaining() - 4) {
                return null;
            }
            switch (type) {
                case 0x49484452 -> { // IHDR
                    header = new Header(in.getInt(), in.getInt(), in.get() & 0xff, in.get() & 0xff);
                    if (in.get() != 0 || in.get() != 0 || in.get() != 0) {
                        return null; // unknown compression or filter method, or interlaced
                    }
                }
                case 0x70485973 -> { // pHYs
                    long ppu = in.getInt() & 0xffffffffL;
                    in.getInt();
                    dpi = in.get() == 1 && ppu > 0 ? (int) Math.round(ppu * 0.0254) : 0;
                }
                case 0x49444154 -> idat.write(png, start, length); // IDAT
                case 0x74524E53, 0x69434350 -> { // tRNS, iCCP: ImageIO makes other image types of them
                    return null;
                }
                case 0x49454E44 -> { // IEND
                    return header == null ? null : pixels(header, idat.toByteArray(), dpi);
                }
                default -> {
                    // ancillary chunks (gAMA, sRGB, text, time) do not change the pixels ImageIO returns
                }
            }
            in.position(start + length + 4);
        }
        return null;
    }

    private static PageAnalyzer.@Nullable Decoded pixels(Header h, byte[] compressed, int dpi)
            throws DataFormatException {
        int imageType;
        int channels;
        if (h.colourType() == 0 && h.depth() == 8) {
            imageType = BufferedImage.TYPE_BYTE_GRAY;
            channels = 1;
        } else if (h.colourType() == 2 && h.depth() == 8) {
            imageType = BufferedImage.TYPE_3BYTE_BGR;
            channels = 3;
        } else if (h.colourType() == 0 && h.depth() == 1) {
            imageType = BufferedImage.TYPE_BYTE_BINARY;
            channels = 1;
        } else {
            return null;
        }
        if (h.width() <= 0 || h.height() <= 0 || (long) h.width() * h.height() * channels > Integer.MAX_VALUE - 64) {
            return null;
        }
        var image = new BufferedImage(h.width(), h.height(), imageType);
        byte[] target = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        int rowBytes = h.depth() == 1 ? (h.width() + 7) / 8 : h.width() * channels;
        int bpp = h.depth() == 1 ? 1 : channels;
        byte[] prev = new byte[rowBytes + 1];
        byte[] curr = new byte[rowBytes + 1];
        var inflater = new Inflater();
        try {
            inflater.setInput(compressed);
            for (int y = 0; y < h.height(); y++) {
                int got = 0;
                while (got < curr.length) {
                    int n = inflater.inflate(curr, got, curr.length - got);
                    if (n == 0 && (inflater.finished() || inflater.needsInput() || inflater.needsDictionary())) {
                        return null; // the data ends early
                    }
                    got += n;
                }
                unfilter(curr, prev, bpp);
                store(curr, target, y, rowBytes, channels);
                byte[] t = prev;
                prev = curr;
                curr = t;
            }
        } finally {
            inflater.end();
        }
        return new PageAnalyzer.Decoded(image, dpi);
    }

    /** PNG's five row filters, undone in place; byte 0 of each row is the filter type. */
    static void unfilter(byte[] row, byte[] prev, int bpp) {
        int filter = row[0];
        int n = row.length;
        switch (filter) {
            case 0 -> {}
            case 1 -> {
                for (int i = 1 + bpp; i < n; i++) {
                    row[i] += row[i - bpp];
                }
            }
            case 2 -> {
                for (int i = 1; i < n; i++) {
                    row[i] += prev[i];
                }
            }
            case 3 -> {
                for (int i = 1; i < n; i++) {
                    int left = i > bpp ? row[i - bpp] & 0xff : 0;
                    row[i] += (byte) ((left + (prev[i] & 0xff)) >> 1);
                }
            }
            case 4 -> {
                for (int i = 1; i < n; i++) {
                    int a = i > bpp ? row[i - bpp] & 0xff : 0;
                    int b = prev[i] & 0xff;
                    int c = i > bpp ? prev[i - bpp] & 0xff : 0;
                    row[i] += (byte) paeth(a, b, c);
                }
            }
            default -> throw new IllegalArgumentException("PNG filter " + filter);
        }
    }

    private static int paeth(int a, int b, int c) {
        int p = a + b - c;
        int pa = Math.abs(p - a);
        int pb = Math.abs(p - b);
        int pc = Math.abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }

    /** One unfiltered row into the raster: grey and 1-bit rows as they are, RGB as B, G, R. */
    private static void store(byte[] row, byte[] target, int y, int rowBytes, int channels) {
        int base = y * rowBytes;
        if (channels == 1) {
            System.arraycopy(row, 1, target, base, rowBytes);
            return;
        }
        for (int i = 1, o = base; i < rowBytes; i += 3, o += 3) {
            target[o] = row[i + 2];
            target[o + 1] = row[i + 1];
            target[o + 2] = row[i];
        }
    }
}
