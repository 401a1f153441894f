package org.siarchive.disposition;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.siarchive.capture.Captures;
import org.siarchive.capture.Upload;
import org.siarchive.catalog.ItemRecord;
import org.siarchive.catalog.ItemState;
import org.siarchive.quality.Submission;
import org.siarchive.security.Permission;
import org.siarchive.shared.Access;
import org.siarchive.shared.Actor;
import org.siarchive.shared.Scope;
import org.siarchive.support.Samples;

/** Items for the disposition ITs, captured through the capture path with the step that sets the term. */
final class WorklistFixture {

    private WorklistFixture() {}

    /** 失业保险金核定 (SYHD, category 05): 10 years. */
    static final String TEN_YEARS = "SYHD";

    /** 年度统计报表 (TJBB, category 08): 永久. */
    static final String PERMANENT = "TJBB";

    static ItemRecord capture(
            Captures captures, String fonds, String step, String docDate, String level, String title) {
        var materials = step.equals(PERMANENT)
                ? List.of(new Submission.Material("TJ01"))
                : List.of(new Submission.Material("SY02"), new Submission.Material("SY03"));
        String insurance = step.equals(PERMANENT) ? null : "210";
        var s = new Submission(
                fonds,
                Samples.acceptanceNo(),
                step,
                insurance,
                title,
                "测试市社会保险事业管理中心",
                docDate,
                null,
                level,
                new Submission.Person("01", Samples.citizenId(1970), title),
                null,
                "李经办",
                "测试市社会保险事业管理中心",
                docDate + "T10:00:00+08:00",
                materials);
        var uploads = materials.stream()
                .map(m -> Upload.ofBytes(m.material() + ".pdf", Samples.pdf(m.material() + "-" + System.nanoTime())))
                .toList();
        var item = captures.capture(s, uploads, null, Actor.SYSTEM).item();
        assertThat(item.status()).isEqualTo(ItemState.PRESERVED.name());
        return item;
    }

    static Access archivist(String name, String orgPath, int clearance) {
        return new Access(
                new Actor(name, orgPath, "127.0.0.1", "junit"),
                new Scope(orgPath, null, clearance),
                Set.of(Permission.DISPOSITION_PROPOSE, Permission.SECRECY_REVIEW));
    }
}
