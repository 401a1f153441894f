package org.siarchive.disposition;

import java.nio.file.Path;
import org.gaul.s3proxy.S3Proxy;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The disposition walk with the replica in an S3 bucket: S3Proxy in this JVM on a filesystem backend, whose
 * directory is scanned like a disk (the bytes of every object the replica wrote lie there as files). S3Proxy
 * runs until the JVM ends, as long as the cached context that replicates to it.
 */
class DispositionWalkS3IT extends DispositionWalkContract {

    static final Path DATA = ReplicatedPlatforms.tempDir("siarchive-walk-s3-");
    static final Path BACKING = ReplicatedPlatforms.tempDir("siarchive-walk-s3proxy-");
    static S3Proxy proxy;

    @DynamicPropertySource
    static void platform(DynamicPropertyRegistry registry) {
        if (proxy == null) {
            proxy = ReplicatedPlatforms.startS3(BACKING);
        }
        ReplicatedPlatforms.common(registry, DATA);
        ReplicatedPlatforms.s3Replica(registry, proxy);
    }

    @Override
    Path replicaBytes() {
        return BACKING;
    }
}
