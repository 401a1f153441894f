package org.siarchive.disposition;

/** Milliseconds a destruction's steps took over a whole run, and the items it completed. */
public record DestructionTimings(
        int items, long readMs, long primaryMs, long replicaMs, long markMs, long tombstoneMs, long finishMs) {

    static DestructionTimings of(long[] t, int items) {
        return new DestructionTimings(
                items,
                t[0] / 1_000_000,
                t[1] / 1_000_000,
                t[2] / 1_000_000,
                t[3] / 1_000_000,
                t[4] / 1_000_000,
                t[5] / 1_000_000);
    }
}
