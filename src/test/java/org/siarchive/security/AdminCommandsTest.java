package org.siarchive.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.siarchive.SiArchiveApplication;

/**
 * The operator commands on a fresh data directory: an intact audit chain exits 0, a key rotation exits
 * 0, an unknown sub-command prints the usage (64), and a re-wrap writes the new master key file.
 */
class AdminCommandsTest {

    @TempDir
    Path tmp;

    @Test
    void operatorCommandsRunAndAnswerWithTheirExitCodes() {
        String[] base = {"--siarchive.data-dir=" + tmp.resolve("data"), "--siarchive.security.argon2.memory-kib=4096"};

        assertThat(AdminCommands.run(SiArchiveApplication.class, "audit-verify", base))
                .isZero();
        assertThat(AdminCommands.run(SiArchiveApplication.class, "keys", with(base, "rotate")))
                .isZero();
        assertThat(AdminCommands.run(SiArchiveApplication.class, "keys", with(base, "polish")))
                .isEqualTo(64);
        // last: afterwards only the new key file opens this data directory
        Path master = tmp.resolve("new-master.key");
        assertThat(AdminCommands.run(
                        SiArchiveApplication.class, "keys", with(base, "rewrap", "--new-master-key-file=" + master)))
                .isZero();
        assertThat(Files.exists(master)).isTrue();
    }

    private static String[] with(String[] base, String... more) {
        var all = new String[base.length + more.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }
}
