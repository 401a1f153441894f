package org.siarchive.disposition;

import org.siarchive.shared.Labelled;

/**
 * A member's place in the appraisal group (鉴定小组, domain.md §1.5): 组长 (the agency's responsible leader),
 * 业务人员, 档案人员 and 人社行政部门人员; the group needs at least one of each before appraisal completes.
 */
public enum GroupRole implements Labelled {
    LEADER,
    BUSINESS,
    ARCHIVE,
    HRSS;

    @Override
    public String labelKey() {
        return "disposition.batch.role." + name();
    }
}
