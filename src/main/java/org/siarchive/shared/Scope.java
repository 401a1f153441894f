package org.siarchive.shared;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Data scope (数据权限) of a caller: an organisation subtree (its materialised path, e.g. {@code /1/4/}),
 * optionally a list of fonds, and a clearance that must be at least an item's sensitivity level.
 * Queries apply it as bind parameters inside their SQL, never by filtering results afterwards.
 */
public record Scope(String orgPath, @Nullable List<Long> fondsIds, int clearance) implements java.io.Serializable {

    /** Everything: for the platform's own jobs, never for a user or client. */
    public static final Scope EVERYTHING = new Scope("/", null, 3);

    /** Nothing at all: callers without business access. */
    public static final Scope NOTHING = new Scope("/none/", List.of(), 0);

    public Scope {
        if (!orgPath.startsWith("/") || !orgPath.endsWith("/")) {
            throw new IllegalArgumentException("org path must look like /1/4/: " + orgPath);
        }
        fondsIds = fondsIds == null ? null : List.copyOf(fondsIds);
    }

    /** Prefix pattern matching the paths of the subtree, for {@code org_path like :pattern}. */
    public String orgPattern() {
        return orgPath + "%";
    }

    public boolean allFonds() {
        return fondsIds == null;
    }

    /** Fonds ids for {@code = any(:fonds)}; empty when every fonds is allowed (then ignored). */
    public Long[] fondsArray() {
        return fondsIds == null ? new Long[0] : fondsIds.toArray(Long[]::new);
    }
}
