package org.siarchive.preservation;

/** Size and both digests of one byte stream, hex lower-case. SM3 per GB/T 32905, SHA-256 beside it. */
public record Fixity(long size, String sm3, String sha256) {

    /**
     * Whether {@code other} describes the same bytes: same size, same SM3 and same SHA-256. The one
     * comparison of fixity (docs/adr/0042); a digest recorded elsewhere is compared through it.
     */
    public boolean matches(Fixity other) {
        return size == other.size && sm3.equals(other.sm3) && sha256.equals(other.sha256);
    }
}
