/**
 * Cluster: what several application nodes on one PostgreSQL need to agree on (issue 21). Each node has a stable id
 * and writes a heartbeat; a node whose heartbeat stops is declared gone once, and the modules finish or undo the work
 * it had begun ({@link org.siarchive.cluster.NodesLeft}). Scheduled jobs run on one node at a time under a lock row
 * ({@code job_lock}, ShedLock), unless they are marked {@link org.siarchive.shared.NodeLocal}.
 */
@NullMarked
@org.springframework.modulith.ApplicationModule(
        displayName = "Cluster",
        allowedDependencies = {"platform", "shared"})
package org.siarchive.cluster;

import org.jspecify.annotations.NullMarked;
