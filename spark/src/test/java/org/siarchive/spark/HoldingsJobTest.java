package org.siarchive.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The statistics job's arguments and id ranges, without Spark. */
class HoldingsJobTest {

    @Test
    void argumentsAreNamedAndThePasswordNeverGivenOnTheCommandLine() {
        var a = HoldingsJob.parse(new String[] {"--jdbc-url=jdbc:postgresql://db/x", "--user=u", "--out=/tmp/o"});
        assertThat(a).containsEntry("user", "u").containsEntry("out", "/tmp/o");
        assertThatThrownBy(() -> HoldingsJob.parse(new String[] {"--out=/o", "--password=secret"}))
                .hasMessageContaining("SIARCHIVE_DB_PASSWORD");
        assertThatThrownBy(() -> HoldingsJob.parse(new String[] {"--jdbc-url=x"}))
                .hasMessageContaining("--out is required");
        assertThatThrownBy(() -> HoldingsJob.parse(new String[] {"--items-from=/e", "--jdbc-url=x", "--out=/o"}))
                .hasMessageContaining("--items-from reads no database");
        assertThatThrownBy(() -> HoldingsJob.parse(new String[] {"out"})).hasMessageContaining("not --name=value");
    }

    @Test
    void theIdRangesCoverEveryIdOnce() {
        assertThat(ItemSource.ranges(1)).containsExactly("true");
        assertThat(ItemSource.ranges(4))
                .containsExactly(
                        "true and i.id < cast('40000000-0000-0000-0000-000000000000' as uuid)",
                        "i.id >= cast('40000000-0000-0000-0000-000000000000' as uuid)"
                                + " and i.id < cast('80000000-0000-0000-0000-000000000000' as uuid)",
                        "i.id >= cast('80000000-0000-0000-0000-000000000000' as uuid)"
                                + " and i.id < cast('c0000000-0000-0000-0000-000000000000' as uuid)",
                        "i.id >= cast('c0000000-0000-0000-0000-000000000000' as uuid)");
        assertThatThrownBy(() -> new ItemSource("u", "n", "", 0)).hasMessageContaining("positive");
    }
}
