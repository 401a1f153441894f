package org.siarchive.cluster;

import java.util.List;

/**
 * Nodes whose heartbeat stopped for longer than {@code siarchive.cluster.gone-after}, declared gone once: each module
 * finishes or undoes what they had begun (their unfinished captures, runs, batches). A node that comes back with the
 * same id takes part again; what was taken over stays taken over.
 */
public record NodesLeft(List<String> nodeIds) {

    public NodesLeft {
        nodeIds = List.copyOf(nodeIds);
    }
}
