package org.siarchive.search;

/** A search index rebuild's progress for people (n of m items); {@code running} false once it ended. */
record RebuildProgress(boolean running, long done, long total) {

    public int percent() {
        return total <= 0 ? 0 : (int) Math.min(100, done * 100 / total);
    }
}
