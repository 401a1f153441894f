package org.siarchive.transfer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.siarchive.catalog.Duplicates;
import org.siarchive.shared.Access;
import org.siarchive.shared.DuplicatesHeldException;
import org.springframework.stereotype.Component;

/**
 * Which records of an inspected package are already held — by file digest, by 档号, by 业务受理号 and step
 * ({@link Duplicates}) — and the 409 that names them when the archivist has not decided otherwise.
 */
@Component
class ReceiptDuplicates {

    /** A record of the package found already held; {@code held} names the item when it lies in scope. */
    record Held(int index, TransferPackages.HeldDuplicate duplicate) {}

    private final Duplicates duplicates;

    ReceiptDuplicates(Duplicates duplicates) {
        this.duplicates = duplicates;
    }

    List<Held> of(PackageInspection.Inspection found, Access access) {
        var out = new ArrayList<Held>();
        var records = found.records();
        for (int i = 0; i < records.size(); i++) {
            var r = records.get(i);
            var probe = new Duplicates.Probe(
                    r.parsed().archiveCode(),
                    r.parsed().field("社保业务信息/业务受理号"),
                    r.parsed().field("社保业务信息/业务环节代码"),
                    r.files().stream().map(f -> f.fixity().sha256()).toList());
            var match = duplicates.find(probe, access.scope(), null);
            if (match.any()) {
                out.add(new Held(i, held(r.parsed().archiveCode(), match)));
            }
        }
        return out;
    }

    private static TransferPackages.HeldDuplicate held(String sourceCode, Duplicates.Found match) {
        if (match.named().isEmpty()) {
            return new TransferPackages.HeldDuplicate(sourceCode, null, null, java.util.Set.of());
        }
        var m = match.named().get(0);
        return new TransferPackages.HeldDuplicate(sourceCode, m.itemId(), m.archiveCode(), m.grounds());
    }

    /** A short list for the register, the audit entry and the message: "来源档号 → 已存档号 (id)". */
    static String describe(List<Held> held) {
        return String.join(
                "；",
                held.stream()
                        .map(Held::duplicate)
                        .map(d -> d.sourceCode() + " → "
                                + (d.itemId() == null ? "数据范围以外的已存档案" : d.archiveCode() + "（" + d.itemId() + "）"))
                        .limit(50)
                        .toList());
    }

    static DuplicatesHeldException refusal(List<Held> held) {
        var list = new ArrayList<Map<String, Object>>();
        for (var h : held) {
            var d = h.duplicate();
            var m = new LinkedHashMap<String, Object>();
            m.put("sourceCode", d.sourceCode());
            m.put("itemId", d.itemId() == null ? null : d.itemId().toString());
            m.put("archiveCode", d.archiveCode());
            m.put("grounds", d.grounds().stream().map(Enum::name).sorted().toList());
            list.add(m);
        }
        return new DuplicatesHeldException(list, "conflict.duplicatesHeld", held.size(), describe(held));
    }
}
