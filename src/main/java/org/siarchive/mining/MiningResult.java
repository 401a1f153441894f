package org.siarchive.mining;

import java.util.List;
import java.util.Map;

/**
 * What a mining run found, stored with the run as JSON (docs/adr/0096, 0097).
 *
 * @param itemsInScope items the scope held when the run started
 * @param itemsRead items read (at most the cap; a prefix of the random-id order, so a uniform sample)
 * @param factor itemsInScope ÷ itemsRead, by which volumes were scaled (1 when everything was read)
 * @param leftOut items outside the volume window or beyond the series bound
 * @param regionNames the names of the regions the trends name, by unit id
 */
record MiningResult(
        long itemsInScope,
        long itemsRead,
        double factor,
        long leftOut,
        long personItems,
        double minSupport,
        double minConfidence,
        List<Trend> trends,
        List<CoMissing.Rule> rules,
        List<StepSequences.Transition> transitions,
        Map<Long, String> regionNames) {

    boolean sampled() {
        return itemsRead < itemsInScope;
    }
}
