package org.siarchive.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.modes.SICBlockCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithIV;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.siarchive.crypto.Digests;
import org.siarchive.crypto.Digests.Implementation;
import org.siarchive.crypto.Sm3;
import org.siarchive.preservation.Digester;

/**
 * SM3 and SHA-256 per core: native (OpenSSL libcrypto through JNA) and Java (BouncyCastle, JDK) in memory and from a
 * file, beside {@code openssl dgst} on the same file in /dev/shm and {@code openssl speed -evp} in the same run; the
 * one-pass SM3 + SHA-256 of {@link Digester}; short messages (the audit chain's SM3 of a record); and SM4 (GCM, CTR)
 * in BouncyCastle beside {@code openssl speed -evp sm4-ctr} and {@code openssl enc -sm4-ctr} (docs/adr/0114). Median
 * of {@code -Dbench.runs} (3) runs over {@code -Dbench.mb} (256) MB; writes target/bench/digests.txt. About 2
 * minutes on a quiet 2-core machine.
 */
@Tag("bench")
class DigestBenchmark {

    static final int MB = Integer.getInteger("bench.mb", 256);
    static final int RUNS = Integer.getInteger("bench.runs", 3);
    static final int PIECE = 1 << 20;

    private final StringBuilder out = new StringBuilder();

    @Test
    void digestsBesideOpenssl() throws Exception {
        if (!Digests.nativeAvailable()) {
            throw new IllegalStateException("libcrypto unusable: " + Digests.nativeFailure());
        }
        byte[] data = new byte[MB << 20];
        new Random(20).nextBytes(data);
        Path file = Files.createTempFile(Path.of("/dev/shm"), "digest-bench", ".bin");
        try (var heap = PeakHeap.watch()) {
            Files.write(file, data);
            line("digests, one thread, " + MB + " MB in memory in 1 MiB updates (median of " + RUNS
                    + ", MB per second of CPU time); " + Digests.implementation());
            line("load average before: " + loadAverage());
            double opensslSm3 = median(() -> openssl(file, "dgst", "-sm3"));
            double opensslSha = median(() -> openssl(file, "dgst", "-sha256"));
            double speedSm3 = opensslSpeed("sm3");
            double speedSha = opensslSpeed("sha256");
            line(row("openssl dgst -sm3, file in /dev/shm", opensslSm3, opensslSm3));
            line(row("openssl speed -evp sm3 (16 KB blocks)", speedSm3, opensslSm3));
            line(row("SM3 native, in memory", median(() -> memory(data, Implementation.NATIVE, "SM3")), opensslSm3));
            line(row("SM3 native, from the file (direct buffer)", median(() -> fromFile(file)), opensslSm3));
            line(row(
                    "SM3 Java (BouncyCastle), in memory",
                    median(() -> memory(data, Implementation.JAVA, "SM3")),
                    opensslSm3));
            line(row("openssl dgst -sha256, file in /dev/shm", opensslSha, opensslSha));
            line(row("openssl speed -evp sha256 (16 KB blocks)", speedSha, opensslSha));
            line(row(
                    "SHA-256 native, in memory",
                    median(() -> memory(data, Implementation.NATIVE, "SHA-256")),
                    opensslSha));
            line(row(
                    "SHA-256 Java (JDK), in memory",
                    median(() -> memory(data, Implementation.JAVA, "SHA-256")),
                    opensslSha));
            line(row(
                    "SM3 + SHA-256 one pass, native",
                    median(() -> memory(data, Implementation.NATIVE, "SM3", "SHA-256")),
                    opensslSm3));
            line(row(
                    "SM3 + SHA-256 one pass, Java",
                    median(() -> memory(data, Implementation.JAVA, "SM3", "SHA-256")),
                    opensslSm3));
            line(row("Digester (200 KB documents, in use)", median(() -> documents(data)), opensslSm3));
            shortMessages();
            sm4(data, file);
            line("load average after: " + loadAverage());
            line(heap.line());
        } finally {
            Files.deleteIfExists(file);
        }
        Files.createDirectories(Path.of("target/bench"));
        Files.writeString(Path.of("target/bench/digests.txt"), out.toString());
    }

    /** The audit chain's case: SM3 of a previous digest and a ~200-byte canonical record. */
    private void shortMessages() {
        byte[] previous = Sm3.digest("前一条");
        byte[] record = "siarchive-audit-v1|42|1764500000000000|7:archivist|-|9:127.0.0.1|-|4:ITEM|36:x|7:CAPTURE"
                .repeat(2)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        boolean wasNative = Digests.nativeInUse();
        for (var impl : List.of(Implementation.NATIVE, Implementation.JAVA)) {
            Digests.use(impl);
            double perSecond = median(() -> {
                int n = 200_000;
                double t0 = cpu();
                for (int i = 0; i < n; i++) {
                    Sm3.digest(previous, record);
                }
                return n / (cpu() - t0);
            });
            line(String.format(
                    Locale.ROOT,
                    "Sm3.digest of a %d-byte audit record, %-6s %,12.0f digests/s per core",
                    record.length + 32,
                    impl,
                    perSecond));
        }
        Digests.use(wasNative ? Implementation.NATIVE : Implementation.AUTO);
    }

    /** SM4 in BouncyCastle (what Sm4Gcm and ChunkedSm4Gcm use) beside OpenSSL's. */
    private void sm4(byte[] data, Path file) throws Exception {
        double opensslCtr = opensslSpeed("sm4-ctr");
        double encCtr = median(() -> openssl(
                file,
                "enc",
                "-sm4-ctr",
                "-K",
                "00112233445566778899aabbccddeeff",
                "-iv",
                "00000000000000000000000000000000",
                "-out",
                "/dev/null"));
        line(row("openssl speed -evp sm4-ctr (16 KB blocks)", opensslCtr, opensslCtr));
        try {
            line(row("openssl speed -evp sm4-gcm (16 KB blocks)", opensslSpeed("sm4-gcm"), opensslCtr));
        } catch (IllegalStateException e) {
            line("openssl speed -evp sm4-gcm: not offered by this libcrypto (" + Digests.implementation() + ")");
        }
        line(row("openssl enc -sm4-ctr, file in /dev/shm", encCtr, opensslCtr));
        int bytes = Math.min(data.length, 64 << 20);
        line(row("SM4-GCM BouncyCastle, 64 KiB chunks", median(() -> sm4(data, bytes, true)), opensslCtr));
        line(row("SM4-CTR BouncyCastle, 64 KiB chunks", median(() -> sm4(data, bytes, false)), opensslCtr));
    }

    private static double sm4(byte[] data, int bytes, boolean gcm) throws Exception {
        byte[] key = new byte[16];
        byte[] outBuf = new byte[64 * 1024 + 16];
        double t0 = cpu();
        for (int off = 0, i = 0; off < bytes; off += 64 * 1024, i++) {
            byte[] iv = Arrays.copyOf(new byte[] {(byte) i, (byte) (i >> 8), (byte) (i >> 16)}, gcm ? 12 : 16);
            int n = Math.min(64 * 1024, bytes - off);
            if (gcm) {
                var c = GCMBlockCipher.newInstance(new SM4Engine());
                c.init(true, new AEADParameters(new KeyParameter(key), 128, iv));
                int w = c.processBytes(data, off, n, outBuf, 0);
                c.doFinal(outBuf, w);
            } else {
                var c = SICBlockCipher.newInstance(new SM4Engine());
                c.init(true, new ParametersWithIV(new KeyParameter(key), iv));
                c.processBytes(data, off, n, outBuf, 0);
            }
        }
        return bytes / 1e6 / (cpu() - t0);
    }

    private static double memory(byte[] data, Implementation impl, String... algorithms) {
        double t0 = cpu();
        var pass = Digests.pass(impl, algorithms);
        for (int off = 0; off < data.length; off += PIECE) {
            pass.update(data, off, Math.min(PIECE, data.length - off));
        }
        pass.finish();
        return data.length / 1e6 / (cpu() - t0);
    }

    private static double fromFile(Path file) throws IOException {
        double t0 = cpu();
        var pass = Digests.pass(Implementation.NATIVE, "SM3");
        var buf = java.nio.ByteBuffer.allocateDirect(256 * 1024);
        try (var ch = java.nio.channels.FileChannel.open(file)) {
            while (ch.read(buf.clear()) >= 0) {
                pass.update(buf.flip());
            }
        }
        pass.finish();
        return Files.size(file) / 1e6 / (cpu() - t0);
    }

    /** The Digester as capture uses it: one per 200 KB document, SM3 + SHA-256, with the implementation in use. */
    private static double documents(byte[] data) {
        int doc = 200_000;
        double t0 = cpu();
        long bytes = 0;
        for (int off = 0; off + doc <= data.length; off += doc) {
            var d = new Digester();
            d.update(data, off, doc);
            d.finish();
            bytes += doc;
        }
        return bytes / 1e6 / (cpu() - t0);
    }

    /** {@code openssl <args> <file>} run by a shell that reports its child's CPU time ({@code times}): MB/s per core. */
    private static double openssl(Path file, String... args) throws Exception {
        var cmd = new StringBuilder("openssl");
        for (String a : args) {
            cmd.append(' ').append(a);
        }
        cmd.append(args[0].equals("enc") ? " -in " : " ").append(file).append(" > /dev/null; times");
        var p = new ProcessBuilder("bash", "-c", cmd.toString())
                .redirectErrorStream(true)
                .start();
        String text = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IllegalStateException(cmd + ": " + text);
        }
        // times: the shell's user and system time, then its children's ("0m0.812s 0m0.041s")
        String[] children =
                text.strip().lines().reduce((a, b) -> b).orElse("").trim().split("\\s+");
        double seconds = minutes(children[0]) + minutes(children[1]);
        return Files.size(file) / 1e6 / seconds;
    }

    private static double minutes(String time) {
        int m = time.indexOf('m');
        return Integer.parseInt(time.substring(0, m)) * 60
                + Double.parseDouble(time.substring(m + 1, time.length() - 1));
    }

    /** {@code openssl speed -evp <algorithm>} on 16 KB blocks, MB/s (it prints thousands of bytes per second). */
    private static double opensslSpeed(String algorithm) throws Exception {
        var p = new ProcessBuilder("openssl", "speed", "-seconds", "2", "-bytes", "16384", "-evp", algorithm)
                .redirectErrorStream(true)
                .start();
        String text = new String(p.getInputStream().readAllBytes());
        p.waitFor();
        String last = text.strip().lines().reduce((a, b) -> b).orElse("");
        String[] parts = last.trim().split("\\s+");
        String k = parts[parts.length - 1];
        if (!k.endsWith("k")) {
            throw new IllegalStateException("openssl speed " + algorithm + ": " + text);
        }
        return Double.parseDouble(k.substring(0, k.length() - 1)) / 1000;
    }

    interface Measure {
        double run() throws Exception;
    }

    /** The median of the runs after one warm-up; each run answers MB per second of CPU time (per core). */
    private static double median(Measure m) {
        try {
            m.run(); // warm-up
            double[] r = new double[RUNS];
            for (int i = 0; i < RUNS; i++) {
                r[i] = m.run();
            }
            Arrays.sort(r);
            return r[RUNS / 2];
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** This thread's CPU time in seconds: rates per core, whatever else loads the shared machine. */
    private static double cpu() {
        return java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() / 1e9;
    }

    private static String row(String what, double mbS, double reference) {
        return String.format(
                Locale.ROOT, "%-46s %9.1f MB/s per core  %5.2f of the reference", what, mbS, mbS / reference);
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException e) {
            return "?";
        }
    }

    private void line(String s) {
        System.out.println(s);
        out.append(s).append('\n');
    }
}
