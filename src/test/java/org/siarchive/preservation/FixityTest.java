package org.siarchive.preservation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The one door for comparing digests (docs/adr/0042): what each comparison accepts and refuses. */
class FixityTest {

    private static final Fixity HELLO = Digester.of("hello".getBytes(java.nio.charset.StandardCharsets.UTF_8));

    @Test
    void matchesNeedsSizeAndBothDigests() {
        var same = new Fixity(HELLO.size(), HELLO.sm3(), HELLO.sha256());

        assertThat(HELLO.matches(same)).isTrue();
        assertThat(HELLO.matches(new Fixity(HELLO.size() + 1, HELLO.sm3(), HELLO.sha256())))
                .isFalse();
        assertThat(HELLO.matches(new Fixity(HELLO.size(), HELLO.sha256(), HELLO.sha256())))
                .isFalse();
        assertThat(HELLO.matches(new Fixity(HELLO.size(), HELLO.sm3(), HELLO.sm3())))
                .isFalse();
        // the platform's digests are lower-case hex: another case is another record
        assertThat(HELLO.matches(new Fixity(HELLO.size(), HELLO.sm3().toUpperCase(), HELLO.sha256())))
                .isFalse();
    }

    @Test
    void matchesSizeAndSm3IgnoresOnlySha256() {
        assertThat(HELLO.matchesSizeAndSm3(HELLO.size(), HELLO.sm3())).isTrue();
        assertThat(HELLO.matchesSizeAndSm3(HELLO.size() - 1, HELLO.sm3())).isFalse();
        assertThat(HELLO.matchesSizeAndSm3(HELLO.size(), HELLO.sha256())).isFalse();
        assertThat(HELLO.matchesSizeAndSm3(HELLO.size(), HELLO.sm3().toUpperCase()))
                .isFalse();
    }

    @Test
    void sameDigestIsExact() {
        assertThat(Fixity.sameDigest(HELLO.sm3(), HELLO.sm3())).isTrue();
        assertThat(Fixity.sameDigest(HELLO.sm3(), HELLO.sm3().toUpperCase())).isFalse();
        assertThat(Fixity.sameDigest(HELLO.sm3(), HELLO.sm3().substring(1))).isFalse();
        assertThat(Fixity.sameDigest(HELLO.sm3(), "")).isFalse();
        assertThat(Fixity.sameDigest("é", "ü")).isFalse();
    }

    @Test
    void sameInventoryDigestIgnoresCaseAsOcflDoes() {
        assertThat(Fixity.sameInventoryDigest(HELLO.sha256(), HELLO.sha256().toUpperCase()))
                .isTrue();
        assertThat(Fixity.sameInventoryDigest(HELLO.sha256().toUpperCase(), HELLO.sha256()))
                .isTrue();
        assertThat(Fixity.sameInventoryDigest(HELLO.sha256(), HELLO.sm3())).isFalse();
    }
}
