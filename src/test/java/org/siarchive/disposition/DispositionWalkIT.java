package org.siarchive.disposition;

import java.nio.file.Path;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The disposition walk with the replica as a second OCFL root on disk. */
class DispositionWalkIT extends DispositionWalkContract {

    static final Path DATA = ReplicatedPlatforms.tempDir("siarchive-walk-disk-");
    static final Path REPLICA = ReplicatedPlatforms.tempDir("siarchive-walk-replica-");

    @DynamicPropertySource
    static void platform(DynamicPropertyRegistry registry) {
        ReplicatedPlatforms.common(registry, DATA);
        ReplicatedPlatforms.diskReplica(registry, REPLICA);
    }

    @Override
    Path replicaBytes() {
        return REPLICA;
    }
}
