package org.siarchive.catalog;

import java.util.List;

/** One page of an employer's items as its own agents see them ({@link Catalog#employerItems}). */
public record EmployerItems(List<ItemSummary> items, long total, int page, int size) {

    public EmployerItems {
        items = List.copyOf(items);
    }

    public int pages() {
        return (int) Math.max(1, (total + size - 1) / size);
    }
}
