package org.siarchive.bench;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.Random;
import org.siarchive.support.HostileFiles;

/** A valid 1 × 1 PNG (IHDR, one pixel IDAT, IEND) carrying random bytes in a private ancillary chunk. */
public final class NoisePng {

    private NoisePng() {}

    /** A PNG of exactly {@code fileBytes} bytes whose noise comes from {@code random}. */
    public static byte[] of(Random random, int fileBytes) {
        byte[] noise = new byte[fileBytes - 67];
        random.nextBytes(noise);
        var png = new ByteArrayOutputStream();
        png.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10});
        HostileFiles.chunk(
                png,
                "IHDR",
                ByteBuffer.allocate(13)
                        .putInt(1)
                        .putInt(1)
                        .put((byte) 8)
                        .put(new byte[4])
                        .array());
        HostileFiles.chunk(png, "IDAT", new byte[] {0x78, (byte) 0x9c, 0x63, 0x60, 0x00, 0x00, 0x00, 0x02, 0x00, 0x01});
        HostileFiles.chunk(png, "rnDm", noise);
        HostileFiles.chunk(png, "IEND", new byte[0]);
        return png.toByteArray();
    }
}
