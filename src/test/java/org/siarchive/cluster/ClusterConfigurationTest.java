package org.siarchive.cluster;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** A cluster node refuses to start unless the database, store, index, keys and event republication are shared-safe. */
class ClusterConfigurationTest {

    @Test
    void aSingleNodeNeedsNothingShared() {
        assertThatCode(() -> ClusterConfiguration.requireSharedParts(new MockEnvironment()))
                .doesNotThrowAnyException();
    }

    @Test
    void aClusterNodeNamesEveryPartThatIsNotShared() {
        var env = new MockEnvironment().withProperty("siarchive.cluster.enabled", "true");
        assertThatThrownBy(() -> ClusterConfiguration.requireSharedParts(env))
                .hasMessageContainingAll(
                        "spring.datasource.url",
                        "siarchive.preservation.store=s3",
                        "siarchive.search.backend=solr",
                        "siarchive.crypto.create-master-key=false",
                        "siarchive.crypto.key-dir");
    }

    @Test
    void aClusterNodeWithEverySharedPartStarts() {
        var env = new MockEnvironment()
                .withProperty("siarchive.cluster.enabled", "true")
                .withProperty("spring.datasource.url", "jdbc:postgresql://db/siarchive")
                .withProperty("siarchive.preservation.store", "s3")
                .withProperty("siarchive.search.backend", "solr")
                .withProperty("siarchive.crypto.master-key-file", "/keys/master.key")
                .withProperty("siarchive.crypto.create-master-key", "false")
                .withProperty("siarchive.crypto.key-dir", "/keys/signing")
                .withProperty("spring.modulith.events.republish-outstanding-events-on-restart", "false");
        assertThatCode(() -> ClusterConfiguration.requireSharedParts(env)).doesNotThrowAnyException();
        env.setProperty("spring.modulith.events.republish-outstanding-events-on-restart", "true");
        assertThatThrownBy(() -> ClusterConfiguration.requireSharedParts(env))
                .hasMessageContaining("republish-outstanding-events-on-restart=false");
    }
}
