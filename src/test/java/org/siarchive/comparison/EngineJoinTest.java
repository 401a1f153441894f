package org.siarchive.comparison;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.siarchive.shared.ReadableTime;

/**
 * The hash join without a database: rows made in PostgreSQL's binary COPY format, read by {@link EngineRows},
 * hashed by {@link EngineTable} and probed by {@link EngineJoin}. Tokens sharing their first 8 bytes must not
 * match; the CPU time of one thread probing 10 M rows against 2 M is printed (the load-independent join rate).
 */
class EngineJoinTest {

    private static final int PG_EPOCH = (int) LocalDate.of(2000, 1, 1).toEpochDay();

    /** One row: token, event day (deaths) or last paid day (benefits). */
    private static void row(DataOutputStream out, byte[] token, long row, LocalDate event, LocalDate lastPaid)
            throws IOException {
        out.writeShort(15);
        out.writeInt(32);
        out.write(token);
        out.writeInt(8);
        out.writeLong(1);
        out.writeInt(8);
        out.writeLong(row);
        out.writeInt(-1); // birth
        out.writeInt(-1); // gender
        out.writeInt(3);
        out.write("110".getBytes());
        out.writeInt(-1); // subtype
        out.writeInt(-1); // status
        out.writeInt(4);
        out.writeInt((int) LocalDate.of(2010, 1, 1).toEpochDay() - PG_EPOCH);
        out.writeInt(-1); // end
        out.writeInt(4);
        out.writeInt((int) event.toEpochDay() - PG_EPOCH);
        out.writeInt(4);
        out.writeInt((int) lastPaid.toEpochDay() - PG_EPOCH);
        out.writeInt(8);
        out.writeLong(200_000);
        out.writeInt(-1); // region
        out.writeInt(-1); // agency
    }

    private static EngineRows rows(List<byte[]> tokens, LocalDate event, LocalDate lastPaid) throws IOException {
        var bytes = new ByteArrayOutputStream();
        var out = new DataOutputStream(bytes);
        out.write(new byte[] {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0});
        out.writeInt(0);
        out.writeInt(0);
        for (int i = 0; i < tokens.size(); i++) {
            row(out, tokens.get(i), i + 1, event, lastPaid);
        }
        out.writeShort(-1);
        var rows = new EngineRows(16);
        var reader = new EngineCopyReader(new ByteArrayInputStream(bytes.toByteArray()));
        while (rows.read(reader, true)) {
            // all rows
        }
        return rows;
    }

    private static RuleConditions.Evaluator deathPayment() {
        return RuleConditions.of("PAID_AFTER_EVENT")
                .bind(
                        Map.of("offsetMonths", 1, "minMonths", 1),
                        ReadableTime.beijing().today());
    }

    @Test
    void tokensSharingTheirFirstEightBytesDoNotMatch() throws IOException {
        byte[] a = new byte[32];
        Arrays.fill(a, (byte) 7);
        byte[] b = a.clone();
        b[31] = 8;
        var deaths = rows(List.of(a), LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 1));
        var benefits = rows(List.of(b, a), LocalDate.of(2000, 1, 1), LocalDate.of(2026, 10, 1));
        var join = new EngineJoin(deaths, new EngineTable(deaths), true, false, deathPayment());
        var out = new ArrayList<EngineJoin.Candidate>();
        join.probe(benefits, 0, benefits.size, out);
        assertThat(out).singleElement().satisfies(c -> {
            assertThat(c.token()).isEqualTo(a);
            assertThat(c.subject().rowNo).isEqualTo(2);
            assertThat(c.outcome().months()).isEqualTo(7);
        });
    }

    /** A measurement, not a check of behaviour: its 2 M-row table does not fit beside the suite's contexts. */
    @Test
    @org.junit.jupiter.api.Tag("bench")
    void oneThreadProbesTenMillionRowsAgainstTwoMillion() throws IOException {
        var random = new Random(17);
        var deathTokens = new ArrayList<byte[]>();
        for (int i = 0; i < 2_000_000; i++) {
            byte[] t = new byte[32];
            random.nextBytes(t);
            deathTokens.add(t);
        }
        var deaths = rows(deathTokens, LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 1));
        var probeTokens = new ArrayList<byte[]>();
        for (int i = 0; i < 1_000_000; i++) {
            byte[] t = new byte[32];
            random.nextBytes(t);
            probeTokens.add(i % 1000 == 0 ? deathTokens.get(i) : t);
        }
        var benefits = rows(probeTokens, LocalDate.of(2000, 1, 1), LocalDate.of(2026, 10, 1));
        var threads = ManagementFactory.getThreadMXBean();
        long wall = System.nanoTime();
        long cpu = threads.getCurrentThreadCpuTime();
        var table = new EngineTable(deaths);
        long buildCpu = threads.getCurrentThreadCpuTime() - cpu;
        var join = new EngineJoin(deaths, table, true, false, deathPayment());
        long hits = 0;
        long probeCpu = threads.getCurrentThreadCpuTime();
        for (int pass = 0; pass < 10; pass++) {
            var out = new ArrayList<EngineJoin.Candidate>();
            join.probe(benefits, 0, benefits.size, out);
            hits += out.size();
        }
        probeCpu = threads.getCurrentThreadCpuTime() - probeCpu;
        System.out.printf(
                "join: table of 2,000,000 built in %d ms CPU; 10,000,000 probes in %d ms CPU = %.1f M rows/s per"
                        + " core (wall %d ms)%n",
                buildCpu / 1_000_000,
                probeCpu / 1_000_000,
                10_000_000 / (probeCpu / 1e9) / 1e6,
                (System.nanoTime() - wall) / 1_000_000);
        assertThat(hits).isEqualTo(10 * 1000);
    }
}
