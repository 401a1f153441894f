package org.siarchive.digitisation;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.ChecksumException;
import com.google.zxing.DecodeHintType;
import com.google.zxing.FormatException;
import com.google.zxing.NotFoundException;
import com.google.zxing.PlanarYUVLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Recognises SIArchive's barcode cover sheets (条码分隔页) in a scan stack, on the grey working copy the
 * page's QC was measured on (about 800 pixels wide: a cover's QR code is large), so the page is not
 * scaled a second time.
 */
final class CoverSheets {

    private CoverSheets() {}

    /** The code a cover sheet carries, or null when the page is not one. */
    static @Nullable String read(WorkingCopy page) {
        int[] grey = page.grey();
        byte[] luminance = new byte[grey.length];
        for (int i = 0; i < grey.length; i++) {
            luminance[i] = (byte) grey[i];
        }
        var source = new PlanarYUVLuminanceSource(
                luminance, page.width(), page.height(), 0, 0, page.width(), page.height(), false);
        try {
            var result = new QRCodeReader()
                    .decode(
                            new BinaryBitmap(new HybridBinarizer(source)),
                            Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE, DecodeHintType.CHARACTER_SET, "UTF-8"));
            String text = result.getText();
            return text.startsWith(LabelSheets.COVER_PREFIX) ? text.substring(LabelSheets.COVER_PREFIX.length()) : null;
        } catch (NotFoundException | ChecksumException | FormatException e) {
            return null;
        }
    }
}
