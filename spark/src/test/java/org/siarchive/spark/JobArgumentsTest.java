package org.siarchive.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The job's arguments: a run or an explicit job, never both or neither; the password only from the environment. */
class JobArgumentsTest {

    private static final String URL = "--jdbc-url=jdbc:postgresql://db:5432/siarchive";

    @Test
    void readsARecordedRunWithThePasswordFromTheEnvironment() {
        var a = JobArguments.parse(
                new String[] {URL, "--user=reader", "--run=42", "--out=/data/run-42"},
                Map.of("SIARCHIVE_DB_PASSWORD", "s3cret"));
        assertThat(a.run()).isEqualTo(42L);
        assertThat(a.password()).isEqualTo("s3cret");
        assertThat(a.rowsPerPartition()).isEqualTo(500_000);
        assertThat(a.toString()).doesNotContain("s3cret");
    }

    @Test
    void readsAnExplicitJob() {
        var a = JobArguments.parse(
                new String[] {
                    URL,
                    "--user=reader",
                    "--datasets=3,5",
                    "--rules=DEATH_PAYMENT,NOT_ENROLLED",
                    "--as-of=2026-11-01",
                    "--out=/data/x",
                    "--rows-per-partition=1000"
                },
                Map.of());
        assertThat(a.run()).isNull();
        assertThat(a.datasets()).containsExactly(3L, 5L);
        assertThat(a.rules()).isEqualTo(List.of("DEATH_PAYMENT", "NOT_ENROLLED"));
        assertThat(a.asOf()).isEqualTo(LocalDate.of(2026, 11, 1));
        assertThat(a.jdbc().rowsPerPartition()).isEqualTo(1000);
    }

    @Test
    void refusesBothOrNeitherKindOfJobAndAPasswordArgument() {
        assertThatThrownBy(() -> JobArguments.parse(
                        new String[] {
                            URL,
                            "--user=reader",
                            "--run=1",
                            "--datasets=3",
                            "--rules=X",
                            "--as-of=2026-11-01",
                            "--out=/x"
                        },
                        Map.of()))
                .hasMessageContaining("either --run");
        assertThatThrownBy(() -> JobArguments.parse(new String[] {URL, "--user=reader", "--out=/x"}, Map.of()))
                .hasMessageContaining("either --run");
        assertThatThrownBy(() -> JobArguments.parse(
                        new String[] {URL, "--user=reader", "--password=s3cret", "--run=1", "--out=/x"}, Map.of()))
                .hasMessageContaining("--password");
    }
}
