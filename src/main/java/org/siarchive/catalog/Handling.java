package org.siarchive.catalog;

import java.util.List;
import org.siarchive.organisation.Organisations;
import org.siarchive.shared.Actor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who handled a case as the item's description records it (经办人, 经办机构, 责任者): the names people read,
 * never a login or an organisation code. An actor without an account (a machine client) keeps its name;
 * an organisation that cannot be found falls back to the generic 社会保险经办机构.
 */
@Component
public class Handling {

    /** The generic agency, for an actor without an organisation. */
    public static final String GENERIC_AGENCY = "社会保险经办机构";

    private final Organisations organisations;
    private final List<AccountNames> accountNames;
    private final ArchiveCodes counters;

    Handling(Organisations organisations, List<AccountNames> accountNames, ArchiveCodes counters) {
        this.organisations = organisations;
        this.accountNames = List.copyOf(accountNames);
        this.counters = counters;
    }

    /**
     * A 业务受理号 for paper filed from a scan that brought none (neither its manifest nor its cover sheet):
     * {@code {全宗号}-SM{年度}-{流水号:6}}, SM for 扫描 (补录), numbered per fonds and year. Unique, so the
     * duplicate check (which matches 业务受理号) never confuses two scanned cases; a number taken by a
     * filing that then failed is not given again.
     */
    @Transactional
    public String scanAcceptanceNo(String fondsCode, int year) {
        int seq = counters.next("受理号:SM:" + fondsCode + ":" + year);
        return "%s-SM%d-%06d".formatted(fondsCode, year, seq);
    }

    /** The name of the actor's organisation (e.g. 四川省社会保险事业管理局), not its code. */
    public String agencyName(Actor actor) {
        String org = actor.org();
        if (org == null || org.isBlank()) {
            return GENERIC_AGENCY;
        }
        return organisations.byCode(org).map(u -> u.name()).orElse(GENERIC_AGENCY);
    }

    /** The actor's display name (张三), not the login. */
    public String handlerName(Actor actor) {
        for (var names : accountNames) {
            var name = names.displayName(actor.name());
            if (name.isPresent() && !name.get().isBlank()) {
                return name.get().strip();
            }
        }
        return actor.name();
    }
}
