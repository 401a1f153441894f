package org.siarchive.checks;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.siarchive.capture.FilingGate;
import org.siarchive.quality.FilingRules;
import org.siarchive.shared.Actor;
import org.siarchive.shared.InvalidInputException;
import org.siarchive.shared.Violation;
import org.springframework.stereotype.Component;

/**
 * The filing check (归档环节, GD), run on a capture after its files are staged and before a 档号 is
 * assigned: the rules of {@link FilingRules} (GD-1-1, GD-1-10, GD-2-4, GD-2-7, GD-3-3) and the virus
 * items (GD-4-1/4-2), over the items an administrator left switched on. The run and its report are kept
 * (committed before the capture goes on); a failing item rejects the capture (422) naming the item, the
 * field and the report, and nothing is registered. Capture asks through its {@link FilingGate}.
 */
@Component
public class FilingCheck implements FilingGate {

    private static final Map<FilingRules.Rule, String> CODES = Map.of(
            FilingRules.Rule.FIXITY, CheckCatalog.GD_FIXITY,
            FilingRules.Rule.PROPERTIES, CheckCatalog.GD_PROPERTIES,
            FilingRules.Rule.REQUIRED, CheckCatalog.GD_REQUIRED,
            FilingRules.Rule.CONTENT, CheckCatalog.GD_CONTENT,
            FilingRules.Rule.FORMAT, CheckCatalog.GD_FORMAT);

    private final FourPropertyChecks checks;
    private final VirusScanner scanner;
    private final RunProgress progress;

    FilingCheck(FourPropertyChecks checks, VirusScanner scanner, RunProgress progress) {
        this.checks = checks;
        this.scanner = scanner;
        this.progress = progress;
    }

    /** Runs the GD set, keeps the report, and throws a 422 naming every failed item when one fails. */
    @Override
    public long require(FilingRules.Filing filing, Actor actor) {
        var report = checks.record(filing.acceptanceNo(), findings(filing, checks.begin(Stage.GD)), actor);
        if (!report.passed()) {
            throw refusal(report);
        }
        return report.run().id();
    }

    /**
     * The GD set over each filing, the items switched on read once, every run and report written in one
     * transaction: one commit and one audit-chain step for a batch's runs instead of one per item.
     */
    @Override
    public List<Verdict> requireAll(List<FilingRules.Filing> filings, Actor actor) {
        var enabled = checks.begin(Stage.GD);
        var runs = new ArrayList<FourPropertyChecks.Pending>();
        for (var filing : filings) {
            runs.add(new FourPropertyChecks.Pending(filing.acceptanceNo(), findings(filing, enabled.fresh())));
        }
        return checks.recordAll(runs, actor).stream()
                .map(r -> new Verdict(r.run().id(), r.passed() ? null : refusal(r)))
                .toList();
    }

    private Findings findings(FilingRules.Filing filing, Findings f) {
        f.record();
        for (var finding : FilingRules.check(filing)) {
            f.check(CODES.get(finding.rule()), null, finding.record(), finding.problem());
        }
        var scan = new LinkedHashMap<Path, VirusScanner.Owner>();
        filing.files().forEach(file -> scan.put(file.staged(), new VirusScanner.Owner(null, file.field())));
        scanner.apply(f, CheckCatalog.GD_AV_PRESENT, CheckCatalog.GD_VIRUS, scan);
        return f;
    }

    @Override
    public void filed(long runId, java.util.UUID itemId, String archiveCode) {
        progress.checked(runId, itemId, archiveCode);
    }

    private static InvalidInputException refusal(FourPropertyChecks.Report report) {
        var v = new ArrayList<Violation>();
        for (var x : report.failures()) {
            String name = CheckCatalog.find(x.code()).map(d -> d.nameZh()).orElse(x.code());
            v.add(Violation.of(
                    x.record(),
                    "checkFailed",
                    x.code(),
                    name,
                    x.detail(),
                    report.run().id()));
        }
        return new InvalidInputException(v);
    }
}
