package org.siarchive.comparison;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/** Passes bytes on until a bound, then refuses: an upload is never stored beyond its limit. */
final class BoundedOutput extends FilterOutputStream {

    static final class TooLarge extends IOException {
        TooLarge() {
            super("upload over its bound");
        }
    }

    private final long max;
    private long written;

    BoundedOutput(OutputStream out, long max) {
        super(out);
        this.max = max;
    }

    @Override
    public void write(int b) throws IOException {
        count(1);
        out.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        count(len);
        out.write(b, off, len);
    }

    private void count(int n) throws TooLarge {
        written += n;
        if (written > max) {
            throw new TooLarge();
        }
    }
}
