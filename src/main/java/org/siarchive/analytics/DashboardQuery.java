package org.siarchive.analytics;

import java.util.List;
import org.siarchive.organisation.OrgUnit;
import org.siarchive.shared.Access;

/**
 * What a dashboard is asked for: by whom, for which organisation (within the viewer's data scope — the console has
 * checked it) and its child units (for charts by organisation), and over which months.
 *
 * @param access the viewer
 * @param org the selected organisation: the figures cover it and every unit below it
 * @param children the units directly below {@code org}, in path order
 * @param period the months asked for (dashboards that show totals as of today may ignore it)
 */
public record DashboardQuery(Access access, OrgUnit org, List<OrgUnit> children, Period period) {

    public DashboardQuery {
        children = List.copyOf(children);
    }

    /** Prefix pattern of the selected subtree, for {@code org_path like :pattern}. */
    public String orgPattern() {
        return org.path() + "%";
    }
}
