package org.siarchive.shared;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A scheduled method that runs on every node, each on its own node's things (its staging, its local index), rather
 * than once in the cluster under a job lock. Every {@code @Scheduled} method carries either this or a
 * {@code @SchedulerLock} ({@code ClusterJobsRuleTest}).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface NodeLocal {

    /** Why the job is the node's own business. */
    String value();
}
