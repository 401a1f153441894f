package org.siarchive.federation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The push is off by default, and turned on only with everything it needs; batches stay bounded. */
class FederationSettingsTest {

    @Test
    void offByDefaultWithTheDefaultBatch() {
        var s = new FederationSettings(false, null, null, null, 0, null);
        assertThat(s.enabled()).isFalse();
        assertThat(s.batchSize()).isEqualTo(FederationSettings.DEFAULT_BATCH);
        assertThat(s.timeout()).isNotNull();
    }

    @Test
    void enabledNeedsTheProvinceItsTokenAndTheUnitCode() {
        assertThatThrownBy(() -> new FederationSettings(true, "http://province", "t", " ", 0, null))
                .hasMessageContaining("unit-code");
        assertThatThrownBy(() -> new FederationSettings(true, null, "t", "XJ01", 0, null))
                .hasMessageContaining("province-url");
        assertThat(new FederationSettings(true, "http://province", "t", "XJ01", 10, null).batchSize())
                .isEqualTo(10);
    }

    @Test
    void aBatchIsBounded() {
        assertThatThrownBy(
                        () -> new FederationSettings(false, null, null, null, FederationSettings.MAX_BATCH + 1, null))
                .hasMessageContaining("batch-size");
        assertThatThrownBy(() -> new FederationSettings(false, null, null, null, -1, null))
                .hasMessageContaining("batch-size");
    }
}
