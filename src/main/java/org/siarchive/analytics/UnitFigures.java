package org.siarchive.analytics;

import java.time.LocalDate;

/**
 * The figures of one organisation subtree over a period that supervision's KPIs and the dashboards share
 * (docs/adr/0085), read from analytics' read models — never counted from other modules' tables at request time.
 * One implementation; a KPI and a dashboard figure of the same name are the same number.
 */
public interface UnitFigures {

    /**
     * The figures of the organisations under {@code orgPath} (the path itself included) for the days {@code from}
     * to {@code to}, both included, in the people's zone (北京时间). A reversed or over-long period is a 422.
     */
    Figures of(String orgPath, LocalDate from, LocalDate to);

    /** A part of a whole, e.g. items filed complete of items filed; {@link #share()} is 0 when nothing counted. */
    record Ratio(long part, long whole) {
        public Ratio {
            if (part < 0 || whole < 0 || part > whole) {
                throw new IllegalArgumentException("ratio " + part + "/" + whole);
            }
        }

        /** part ÷ whole, 0 when the whole is 0. */
        public double share() {
            return whole == 0 ? 0 : (double) part / whole;
        }
    }

    /**
     * @param completeness items filed in the period with every required material of their business step, of
     *     the items filed in the period (归档完整率)
     * @param timeliness items filed within {@code withinDays} days of their handling (随办随归), of those filed
     * @param withinDays the N of timeliness (configuration {@code siarchive.statistics.filing-days})
     * @param averageDaysToFile mean days from handling to filing of the items filed in the period
     * @param accuracy items filed in the period whose description was never corrected, of those filed (著录准确率)
     * @param digitisation scan items accepted at QC, of scan items decided in the period (数字化合格率)
     * @param fixity items whose latest fixity check in the period passed, of the items checked in the period
     * @param loansDecided use requests approved or refused in the period
     * @param averageApprovalHours mean hours from request to decision of those requests (利用审批时长)
     * @param physicalOut originals on physical loan at the end of the period
     * @param overdue of those, past their due date at the end of the period
     */
    record Figures(
            Ratio completeness,
            Ratio timeliness,
            int withinDays,
            double averageDaysToFile,
            Ratio accuracy,
            Ratio digitisation,
            Ratio fixity,
            long loansDecided,
            double averageApprovalHours,
            long physicalOut,
            long overdue) {}
}
