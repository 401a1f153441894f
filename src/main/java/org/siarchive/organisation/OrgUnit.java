package org.siarchive.organisation;

import org.jspecify.annotations.Nullable;

/** One agency in the tree. {@code path} lists the ids from the root, e.g. {@code /1/4/9/}. */
public record OrgUnit(long id, @Nullable Long parentId, String code, String name, String level, String path) {

    public int depth() {
        return (int) path.chars().filter(c -> c == '/').count() - 1;
    }
}
