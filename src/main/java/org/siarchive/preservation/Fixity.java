package org.siarchive.preservation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;

/**
 * Size and both digests of one byte stream, hex lower-case. SM3 per GB/T 32905, SHA-256 beside it.
 *
 * <p>The one door for comparing digests (docs/adr/0042): a module that checks bytes against a digest recorded
 * elsewhere asks one of the methods here rather than comparing hex strings itself. Comparisons take the same
 * time whatever the digits ({@link MessageDigest#isEqual}); {@code FixityDoorTest} fails on a comparison made by
 * hand outside this module.
 */
public record Fixity(long size, String sm3, String sha256) {

    /**
     * Whether {@code other} describes the same bytes: same size, same SM3 and same SHA-256. The one
     * comparison of fixity (docs/adr/0042); a digest recorded elsewhere is compared through it.
     */
    public boolean matches(Fixity other) {
        return size == other.size && sameDigest(sm3, other.sm3) && sameDigest(sha256, other.sha256);
    }

    /**
     * Whether these bytes are the ones a record that keeps only size and SM3 describes (an issued certificate, a
     * backup manifest's line): same size and same SM3, hex compared exactly as {@link #matches} does.
     */
    public boolean matchesSizeAndSm3(long size, String sm3) {
        return this.size == size && sameDigest(this.sm3, sm3);
    }

    /**
     * One digest against another, both hex as this platform writes them (lower-case): exactly equal. For a
     * digest recorded without size or a second digest, such as a transfer manifest's SM3 of a metadata file.
     */
    public static boolean sameDigest(String actual, String expected) {
        return MessageDigest.isEqual(
                actual.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * One OCFL inventory digest against another (sha256 or sha512 hex, from an inventory or its sidecar file):
     * equal ignoring case, as OCFL compares them.
     */
    public static boolean sameInventoryDigest(String actual, String expected) {
        return sameDigest(actual.toLowerCase(Locale.ROOT), expected.toLowerCase(Locale.ROOT));
    }
}
