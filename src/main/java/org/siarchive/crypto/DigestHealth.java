package org.siarchive.crypto;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Actuator health detail of the digests: which implementation is in use (docs/adr/0113) and, when libcrypto is
 * unusable, why. Always up: the Java implementation gives the same digests, only slower.
 */
class DigestHealth extends AbstractHealthIndicator {

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        builder.up().withDetail("implementation", Digests.implementation());
        if (!Digests.nativeAvailable()) {
            builder.withDetail("libcrypto", Digests.nativeFailure());
        }
    }
}
