package org.siarchive.comparison;

/**
 * The build side's hash table: open addressing on the tokens' first 8 bytes, each slot heading a chain of
 * the rows sharing that key (the same person's rows, or — rarely — another token with the same prefix,
 * which the caller's full-token comparison drops).
 */
final class EngineTable {

    private final long[] slotKeys;
    private final int[] heads;
    private final int[] next;
    private final int mask;

    EngineTable(EngineRows rows) {
        int capacity = Integer.highestOneBit(Math.max(16, rows.size * 2 - 1)) << 1;
        slotKeys = new long[capacity];
        heads = new int[capacity];
        next = new int[rows.size];
        mask = capacity - 1;
        for (int r = 0; r < rows.size; r++) {
            long key = rows.keys[r];
            int s = slot(key);
            while (heads[s] != 0 && slotKeys[s] != key) {
                s = (s + 1) & mask;
            }
            slotKeys[s] = key;
            next[r] = heads[s] - 1;
            heads[s] = r + 1;
        }
    }

    private int slot(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32)) & mask;
    }

    /** The first row with this key, or -1. */
    int first(long key) {
        int s = slot(key);
        while (heads[s] != 0) {
            if (slotKeys[s] == key) {
                return heads[s] - 1;
            }
            s = (s + 1) & mask;
        }
        return -1;
    }

    /** The next row with the same key, or -1. */
    int next(int row) {
        return next[row];
    }
}
