package org.siarchive.platform;

import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one door to the read replica (issue 21): a page's reads that may be up to {@code max-lag} old run through
 * {@link #read}, in a read-only transaction that {@link ReplicaRouting} sends to the replica while it is fresh enough.
 * Without a replica (the default), or inside a transaction already open, the reads run as they are, on the primary.
 * What the page writes afterwards (its access entry) is not inside and goes to the primary.
 */
public final class ReplicaReads {

    private final @Nullable TransactionTemplate readOnly;
    private final @Nullable ReplicaRouting routing;

    public ReplicaReads(@Nullable ReplicaRouting routing, @Nullable PlatformTransactionManager transactions) {
        this.routing = routing;
        if (routing == null || transactions == null) {
            this.readOnly = null;
        } else {
            var t = new TransactionTemplate(transactions);
            t.setReadOnly(true);
            t.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRED);
            this.readOnly = t;
        }
    }

    public <T> T read(Supplier<T> reads) {
        if (readOnly == null || TransactionSynchronizationManager.isActualTransactionActive()) {
            return reads.get();
        }
        return readOnly.execute(s -> reads.get());
    }

    public Optional<ReplicaRouting> routing() {
        return Optional.ofNullable(routing);
    }
}
