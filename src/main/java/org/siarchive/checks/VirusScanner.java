package org.siarchive.checks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * ClamAV, when installed: {@code clamdscan} (the daemon, fast) or else {@code clamscan}. Without either,
 * the virus items read 未检测 (not checked) — never 通过.
 */
@Component
public class VirusScanner {

    private static final Pattern FOUND = Pattern.compile("^(.*): (.+) FOUND$");

    private final List<String> candidates;

    VirusScanner(@Value("${siarchive.checks.clamav-commands:clamdscan,clamscan}") List<String> candidates) {
        this.candidates = List.copyOf(candidates);
    }

    /** The scanner's executable, if one is installed. */
    public Optional<Path> engine() {
        String pathEnv = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
        for (String c : candidates) {
            Path direct = Path.of(c);
            if (direct.isAbsolute() && Files.isExecutable(direct)) {
                return Optional.of(direct);
            }
            for (String dir : pathEnv.split(":")) {
                Path p = Path.of(dir).resolve(c);
                if (Files.isExecutable(p)) {
                    return Optional.of(p);
                }
            }
        }
        return Optional.empty();
    }

    /** Result of one scan: infected files with the signature found, or why the scan could not run. */
    public record Scan(boolean ran, String reason, Map<Path, String> infected) {}

    public Scan scan(List<Path> files) {
        var engine = engine();
        if (engine.isEmpty()) {
            return new Scan(false, "未安装 ClamAV 杀毒软件", Map.of());
        }
        if (files.isEmpty()) {
            return new Scan(true, "", Map.of());
        }
        Path list = null;
        try {
            list = Files.createTempFile("siarchive-scan", ".txt");
            Files.write(list, files.stream().map(Path::toString).toList(), StandardCharsets.UTF_8);
            var cmd = new ArrayList<>(
                    List.of(engine.get().toString(), "--no-summary", "--infected", "--file-list=" + list));
            var process = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(30, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                return new Scan(false, "ClamAV 超时", Map.of());
            }
            int code = process.exitValue();
            if (code != 0 && code != 1) {
                return new Scan(false, "ClamAV 运行出错（退出码 " + code + "）：" + firstLine(out), Map.of());
            }
            var infected = new HashMap<Path, String>();
            for (String line : out.split("\\R")) {
                var m = FOUND.matcher(line.strip());
                if (m.matches()) {
                    infected.put(Path.of(m.group(1)), m.group(2));
                }
            }
            return new Scan(true, "", infected);
        } catch (IOException e) {
            return new Scan(false, "ClamAV 无法运行：" + e.getMessage(), Map.of());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Scan(false, "ClamAV 被中断", Map.of());
        } finally {
            if (list != null) {
                try {
                    Files.deleteIfExists(list);
                } catch (IOException ignored) {
                    // a temporary list of paths
                }
            }
        }
    }

    private static String firstLine(String s) {
        int n = s.indexOf('\n');
        return (n < 0 ? s : s.substring(0, n)).strip();
    }

    /** Records the two virus items of a stage for the scanned files ({@code record} names each file). */
    /** Whose a scanned file is: an item (if registered yet) and the record name a failure shows. */
    public record Owner(java.util.@org.jspecify.annotations.Nullable UUID itemId, String record) {}

    public void apply(Findings f, String avCode, String virusCode, Map<Path, Owner> files) {
        if (!f.enabled(avCode) && !f.enabled(virusCode)) {
            return;
        }
        var engine = engine();
        if (engine.isEmpty()) {
            f.notChecked(avCode, "未安装 ClamAV 杀毒软件");
            f.notChecked(virusCode, "未安装杀毒软件，未做病毒检测");
            return;
        }
        f.pass(avCode);
        if (!f.enabled(virusCode)) {
            return;
        }
        var scan = scan(List.copyOf(files.keySet()));
        if (!scan.ran()) {
            f.notChecked(virusCode, scan.reason());
            return;
        }
        files.forEach((path, owner) -> {
            String sig = scan.infected().get(path);
            f.check(virusCode, owner.itemId(), owner.record(), sig == null ? null : "感染病毒 " + sig);
        });
    }
}
