package org.siarchive.shared;

import java.util.List;

/** One page of results; {@code page} counts from 0. */
public record Page<T>(List<T> content, int page, int size, long total) {

    public Page {
        content = List.copyOf(content);
    }

    public long totalPages() {
        return size == 0 ? 0 : (total + size - 1) / size;
    }

    public static int clampSize(int size) {
        return Math.max(1, Math.min(size, Bounds.MAX_PAGE_SIZE));
    }
}
