package org.siarchive.analytics;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.siarchive.organisation.OrgUnit;
import org.siarchive.organisation.Organisations;
import org.siarchive.shared.Access;
import org.siarchive.shared.InvalidInputException;
import org.siarchive.shared.NotFoundException;
import org.springframework.stereotype.Component;

/**
 * The drill-down along the organisation tree: which unit a dashboard shows (the {@code org} parameter, by default the
 * viewer's own unit), checked against the viewer's data scope — a unit outside it is not found (404) — its breadcrumb
 * from the viewer's unit down and its child units.
 */
@Component
class DashboardUnits {

    private static final int MAX_ID_LENGTH = 18;

    private final Organisations organisations;

    DashboardUnits(Organisations organisations) {
        this.organisations = organisations;
    }

    /** The selected unit and where it stands. */
    record Selection(OrgUnit org, List<OrgUnit> children) {}

    Selection select(@Nullable String orgParam, Access access) {
        OrgUnit home = home(access);
        OrgUnit org = orgParam == null || orgParam.isBlank() ? home : inScope(id(orgParam), access);
        var children = organisations.subtree(org.path()).stream()
                .filter(u -> u.depth() == org.depth() + 1)
                .toList();
        return new Selection(org, children);
    }

    /** The units from the viewer's own unit down to the selected one (province → city → county). */
    List<OrgUnit> breadcrumbOf(DashboardQuery q, Access access) {
        String home = home(access).path();
        var breadcrumb = new ArrayList<OrgUnit>();
        for (String part : q.org().path().split("/")) {
            if (!part.isEmpty()) {
                organisations
                        .byId(Long.parseLong(part))
                        .filter(u -> u.path().startsWith(home))
                        .ifPresent(breadcrumb::add);
            }
        }
        return breadcrumb;
    }

    /** The viewer's own unit: the top of their data scope (the root for a whole-tree scope). */
    private OrgUnit home(Access access) {
        String path = access.scope().orgPath();
        if (path.equals("/")) {
            return organisations.root();
        }
        return organisations.byPath(path).orElseThrow(() -> new NotFoundException("ORG_UNIT", path));
    }

    private OrgUnit inScope(long id, Access access) {
        return organisations
                .byId(id)
                .filter(u -> u.path().startsWith(access.scope().orgPath()))
                .orElseThrow(() -> new NotFoundException("ORG_UNIT", Long.toString(id)));
    }

    private static long id(String text) {
        String t = text.strip();
        if (t.length() > MAX_ID_LENGTH || !t.matches("[0-9]+")) {
            throw new InvalidInputException(Period.rule("org", "org"));
        }
        return Long.parseLong(t);
    }
}
