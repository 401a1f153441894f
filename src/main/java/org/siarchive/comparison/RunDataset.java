package org.siarchive.comparison;

/** A loaded reference dataset a run reads: kind, providing department, unit, digest and rows. */
public record RunDataset(
        long id, String kind, String source, long orgId, String orgPath, String fileSm3, long rowsLoaded) {}
