package org.siarchive.digitisation;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.ChecksumException;
import com.google.zxing.DecodeHintType;
import com.google.zxing.FormatException;
import com.google.zxing.NotFoundException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.Image;
import java.awt.image.BufferedImage;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Recognises SIArchive's barcode cover sheets (条码分隔页) in a scan stack. */
final class CoverSheets {

    private CoverSheets() {}

    /** The code a cover sheet carries, or null when the page is not one. */
    static @Nullable String read(BufferedImage page) {
        int w = Math.min(1000, page.getWidth());
        int h = Math.max(1, page.getHeight() * w / page.getWidth());
        var small = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        var g = small.createGraphics();
        g.drawImage(page.getScaledInstance(w, h, Image.SCALE_AREA_AVERAGING), 0, 0, null);
        g.dispose();
        try {
            var result = new QRCodeReader()
                    .decode(
                            new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(small))),
                            Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE, DecodeHintType.CHARACTER_SET, "UTF-8"));
            String text = result.getText();
            return text.startsWith(LabelSheets.COVER_PREFIX) ? text.substring(LabelSheets.COVER_PREFIX.length()) : null;
        } catch (NotFoundException | ChecksumException | FormatException e) {
            return null;
        }
    }
}
