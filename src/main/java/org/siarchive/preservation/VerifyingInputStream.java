package org.siarchive.preservation;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Streams stored content and, on reaching the end, compares size, SM3 and SHA-256 with the values
 * registered at capture. A mismatch fails the read instead of handing out altered bytes silently.
 */
final class VerifyingInputStream extends FilterInputStream {

    private final Digester digester = new Digester();
    private final Fixity expected;
    private final String objectId;
    private final String logicalPath;
    private boolean verified;

    VerifyingInputStream(InputStream in, Fixity expected, String objectId, String logicalPath) {
        super(in);
        this.expected = expected;
        this.objectId = objectId;
        this.logicalPath = logicalPath;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0) {
            digester.update(b, off, n);
            if (digester.size() > expected.size()) {
                throw new FixityMismatchException(objectId, logicalPath, expected, digester.finish());
            }
        } else if (n < 0) {
            verifyOnce();
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        throw new IOException("skipping would bypass fixity verification");
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    private void verifyOnce() throws IOException {
        if (verified) {
            return;
        }
        verified = true;
        var actual = digester.finish();
        if (!actual.matches(expected)) {
            throw new FixityMismatchException(objectId, logicalPath, expected, actual);
        }
    }
}
