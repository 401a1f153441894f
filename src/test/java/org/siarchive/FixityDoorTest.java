package org.siarchive;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * One door for digests (docs/adr/0042): outside {@code org.siarchive.preservation} no main code compares a digest
 * by hand — {@code equals}/{@code equalsIgnoreCase} on (or with) a digest accessor such as {@code sm3()},
 * {@code sha256()}, {@code digest()} or {@code inventoryDigest()}, on a freshly made hex ({@code Sm3.hex(…)},
 * {@code formatHex(…)}), or {@code Objects.equals}, {@code MessageDigest.isEqual} and {@code Arrays.equals} with
 * such an accessor among their arguments. Those comparisons go through {@code preservation.Fixity}.
 *
 * <p>A source scan, not ArchUnit: bytecode shows a call to {@code String.equals}, not that its receiver was a
 * digest. The scan reads the source text with line breaks and comments as they are, so it is deterministic; it
 * does not cover digests that are not a stored object's (the audit chain's hashes, MACs, signatures' CMS digests,
 * TOTP codes), which do not go through these accessors.
 */
class FixityDoorTest {

    private static final Path MAIN = Path.of("src/main/java/org/siarchive");
    private static final Path DOOR = MAIN.resolve("preservation");

    /** A method call with no arguments whose name says it returns a digest: {@code sm3()}, {@code metadataSm3()}. */
    private static final String ACCESSOR =
            "\\.\\s*(?:[a-z]\\w*)?(?:[sS]m3|[sS]ha256|[sS]ha512|[dD]igest)\\s*\\(\\s*\\)";

    /** Arguments of one call: anything but a statement's end, with parentheses nested one deep. */
    private static final String ARGUMENTS = "(?:[^;{}()]|\\([^;{}()]*\\))*?";

    private static final String EQUALS = "\\.\\s*equals(?:IgnoreCase)?\\s*\\(";

    static final List<Pattern> BY_HAND = List.of(
            // a.sm3().equals(b), content.digest().equalsIgnoreCase(x)
            Pattern.compile(ACCESSOR + "\\s*" + EQUALS),
            // b.equals(a.sm3())
            Pattern.compile(EQUALS + ARGUMENTS + ACCESSOR + "\\s*\\)"),
            // Sm3.hex(Sm3.digest(bytes)).equals(b), HexFormat.of().formatHex(md.digest(x)).equalsIgnoreCase(b)
            Pattern.compile("\\.\\s*(?:hex|formatHex)\\s*\\(" + ARGUMENTS + "\\)\\s*" + EQUALS),
            // Objects.equals(a.sm3(), b), MessageDigest.isEqual(a.sm3().getBytes(), …), Arrays.equals(md.digest(), b)
            Pattern.compile(
                    "\\b(?:Objects\\s*\\.\\s*equals|MessageDigest\\s*\\.\\s*isEqual|Arrays\\s*\\.\\s*equals)\\s*\\("
                            + ARGUMENTS
                            + ACCESSOR));

    @Test
    void noDigestIsComparedByHandOutsidePreservation() throws IOException {
        var found = new ArrayList<String>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> !f.startsWith(DOOR))
                    .sorted()
                    .toList()) {
                comparisonsByHand(Files.readString(file, StandardCharsets.UTF_8))
                        .forEach(at -> found.add(MAIN.relativize(file) + ":" + at));
            }
        }
        assertThat(found)
                .as("digests compared by hand: use Fixity.matches, matchesSizeAndSm3, sameDigest or"
                        + " sameInventoryDigest (docs/adr/0042)")
                .isEmpty();
    }

    @Test
    void theScanFindsTheComparisonsItForbids() {
        assertThat(comparisonsByHand("if (!actual.sm3().equals(f.sm3())) {}")).hasSize(1);
        assertThat(comparisonsByHand("ok = actual.sha256()\n        .equals(expected);"))
                .hasSize(1);
        assertThat(comparisonsByHand("ok = d.inventoryDigest().equalsIgnoreCase(c.digest());"))
                .hasSize(1);
        assertThat(comparisonsByHand("ok = text(n, \"sm3\").equals(f.sm3());")).hasSize(1);
        assertThat(comparisonsByHand("ok = Sm3.hex(Sm3.digest(meta)).equals(entry.metadataSm3());"))
                .hasSize(1);
        assertThat(comparisonsByHand("ok = java.util.Objects.equals(a.sha512(), b);"))
                .hasSize(1);
        assertThat(comparisonsByHand("ok = MessageDigest.isEqual(a.sm3().getBytes(UTF_8), b);"))
                .hasSize(1);
        assertThat(comparisonsByHand("ok = Arrays.equals(md.digest(), stored);"))
                .hasSize(1);
        assertThat(comparisonsByHand("\n\nok = x.sm3().equals(y);")).containsExactly("3");
    }

    @Test
    void theScanLeavesOtherComparisonsAlone() {
        assertThat(comparisonsByHand("if (alg.equals(\"SM3\")) {}")).isEmpty();
        assertThat(comparisonsByHand("ok = f.kind().equals(DIGEST_ROW);")).isEmpty();
        assertThat(comparisonsByHand("ok = MessageDigest.isEqual(code(secret, s).getBytes(), code.getBytes());"))
                .isEmpty();
        assertThat(comparisonsByHand("ok = Arrays.equals(recomputed, r.hash());"))
                .isEmpty();
        assertThat(comparisonsByHand("ok = actual.matches(new Fixity(f.sizeBytes(), f.sm3(), f.sha256()));"))
                .isEmpty();
        assertThat(comparisonsByHand("ok = Fixity.sameDigest(Sm3.hex(Sm3.digest(meta)), e.metadataSm3());"))
                .isEmpty();
    }

    /** Line numbers (1-based, ascending, as text) of the comparisons by hand in {@code source}, each once. */
    static List<String> comparisonsByHand(String source) {
        var lines = new TreeSet<Long>();
        for (Pattern p : BY_HAND) {
            var m = p.matcher(source);
            while (m.find()) {
                lines.add(source.substring(0, m.start())
                                .chars()
                                .filter(c -> c == '\n')
                                .count()
                        + 1);
            }
        }
        return lines.stream().map(String::valueOf).toList();
    }
}
