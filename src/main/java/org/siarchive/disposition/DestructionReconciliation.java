package org.siarchive.disposition;

import org.siarchive.shared.Actor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Start-up reconciliation of destructions (docs/adr/0068): every destruction still EXECUTING — its intent
 * committed, a crash before FINISHED — is completed before the web server takes a request, so an item is
 * whole (its intent never committed) or tombstoned with no content left, never half. Runs beside capture's
 * reconciliation (they touch disjoint items: RECEIVING ones there, PRESERVED ones here), without either
 * module knowing the other.
 */
@Component
class DestructionReconciliation implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(DestructionReconciliation.class);
    static final Actor RECONCILIATION = new Actor("reconciliation", "127.0.0.1", "siarchive start-up reconciliation");

    private final DestructionSteps steps;
    private final DestructionEngine engine;
    private final boolean enabled;

    DestructionReconciliation(
            DestructionSteps steps,
            DestructionEngine engine,
            @Value("${siarchive.reconcile.on-startup:true}") boolean enabled) {
        this.steps = steps;
        this.engine = engine;
        this.enabled = enabled;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (enabled) {
            run();
        }
    }

    /** Completes every interrupted destruction; answers how many there were. */
    int run() {
        var open = steps.executing();
        for (long id : open) {
            engine.complete(id, RECONCILIATION);
            log.warn("reconciliation: completed destruction {} interrupted by a crash", id);
        }
        for (long batchId : engine.finishedWithoutArchivedList()) {
            engine.archiveExecutedList(batchId, RECONCILIATION);
        }
        return open.size();
    }
}
