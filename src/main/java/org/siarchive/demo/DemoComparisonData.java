package org.siarchive.demo;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.List;
import org.siarchive.comparison.ReferenceImports;
import org.siarchive.organisation.OrgUnit;
import org.siarchive.shared.Access;
import org.siarchive.shared.Actor;
import org.siarchive.shared.Scope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Imports the demo's 养老待遇 snapshot and 公安 death list ({@link DemoReferenceData}) through the real import path
 * (docs/adr/0084), as the given unit, so a comparison started on the console raises three 死亡冒领 warnings. The
 * import runs in the background like any upload; the same lists again are recognised by their digest and not
 * loaded twice. The comparison itself is left to the demo user.
 */
@Component
public class DemoComparisonData {

    private static final Logger log = LoggerFactory.getLogger(DemoComparisonData.class);

    /** The datasets received and the ID numbers a comparison should find paid after death. */
    public record Imported(long benefits, long deaths, List<String> paidAfterDeath) {}

    private final ReferenceImports imports;

    DemoComparisonData(ReferenceImports imports) {
        this.imports = imports;
    }

    /**
     * Imports the lists of the demo persons of {@code seed} as {@code unit}, as of {@code today}, in the name of
     * {@code importer} (a login: pages show its display name).
     */
    public Imported load(int persons, long seed, OrgUnit unit, LocalDate today, String importer) {
        var records = new DemoData(seed, "0001").generate(persons);
        var lists = DemoReferenceData.of(records, today);
        var access = new Access(
                new Actor(importer, unit.code(), DemoLoader.DEMO.ip(), DemoLoader.DEMO.client()),
                new Scope(unit.path(), null, 3),
                java.util.Set.of());
        String month = lists.asOf().toString().substring(0, 7);
        var benefits = imports.upload(
                new ReferenceImports.Upload("BENEFIT", "RS", "养老保险待遇发放名册（演示）" + month, lists.asOf()),
                "养老待遇发放名册-" + month + ".csv",
                new ByteArrayInputStream(lists.benefits()),
                access);
        var deaths = imports.upload(
                new ReferenceImports.Upload("DEATH", "GA", "公安户籍注销人员名单（演示）" + month, lists.asOf()),
                "公安户籍注销-" + month + ".csv",
                new ByteArrayInputStream(lists.deaths()),
                access);
        log.info(
                "demo comparison data: {} pensioners and a death list imported as {} (datasets {} and {})",
                lists.recipients(),
                unit.code(),
                benefits.datasetId(),
                deaths.datasetId());
        return new Imported(benefits.datasetId(), deaths.datasetId(), lists.paidAfterDeath());
    }
}
