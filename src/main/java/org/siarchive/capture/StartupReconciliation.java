package org.siarchive.capture;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Runs reconciliation once all beans exist and before the web server accepts its first request. */
@Component
class StartupReconciliation implements SmartInitializingSingleton {

    private final Reconciliation reconciliation;
    private final boolean enabled;

    StartupReconciliation(
            Reconciliation reconciliation, @Value("${siarchive.reconcile.on-startup:true}") boolean enabled) {
        this.reconciliation = reconciliation;
        this.enabled = enabled;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (enabled) {
            reconciliation.run();
        }
    }
}
