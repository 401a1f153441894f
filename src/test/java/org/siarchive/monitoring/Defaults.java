package org.siarchive.monitoring;

import org.springframework.jdbc.core.simple.JdbcClient;

/** The thresholds of the migration, restored by tests that rely on them. */
final class Defaults {

    private Defaults() {}

    static void restore(JdbcClient jdbc) {
        jdbc.sql(
                        """
                update monitoring_rule r set enabled = true, severity = d.severity, threshold = d.threshold,
                    window_minutes = d.window_minutes, work_start = d.work_start, work_end = d.work_end,
                    lookback_days = d.lookback_days, deviations = d.deviations
                from (values ('BULK_READ', 'HIGH', 50, 60, null::int, null::int, null::int, null::numeric),
                             ('OFF_HOURS', 'MEDIUM', null, null, 8, 18, null, null),
                             ('REPEATED_UNMASK', 'HIGH', 10, 60, null, null, null, null),
                             ('NEW_NETWORK', 'MEDIUM', null, null, null, null, 90, null),
                             ('FAILED_LOGINS', 'HIGH', 5, 10, null, null, null, null),
                             ('DENIED_BURST', 'MEDIUM', 10, 10, null, null, null, null),
                             ('API_VOLUME', 'MEDIUM', 1000, 60, null, null, 14, 3.0),
                             ('REGISTER_EXPORT', 'LOW', null, 60, null, null, null, null))
                     as d (code, severity, threshold, window_minutes, work_start, work_end, lookback_days, deviations)
                where r.code = d.code
                """)
                .update();
    }
}
