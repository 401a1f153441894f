-- issue 17: the working-day calendar that deadlines count in (转移接续 15 working days, warning deadlines).
-- Monday to Friday are working days unless a row says otherwise; a row marks a holiday (working = false) or a
-- weekend working day (调休上班, working = true). The rows below follow the State Council's holiday notices for
-- 2025 and 2026 as the team read them (verified = false): the system administrator checks them against the
-- notice and keeps later years current; it is reference data, not code.
create table working_calendar_day (
    day        date         primary key,
    working    boolean      not null,
    name       varchar(40)  not null,
    verified   boolean      not null default false,
    changed_by varchar(64)  not null default 'system',
    changed_at timestamptz  not null default now()
);

insert into working_calendar_day (day, working, name) values
    ('2025-01-01', false, '元旦'),
    ('2025-01-26', true,  '春节调休上班'),
    ('2025-01-28', false, '春节'), ('2025-01-29', false, '春节'), ('2025-01-30', false, '春节'),
    ('2025-01-31', false, '春节'), ('2025-02-03', false, '春节'), ('2025-02-04', false, '春节'),
    ('2025-02-08', true,  '春节调休上班'),
    ('2025-04-04', false, '清明节'),
    ('2025-04-27', true,  '劳动节调休上班'),
    ('2025-05-01', false, '劳动节'), ('2025-05-02', false, '劳动节'), ('2025-05-05', false, '劳动节'),
    ('2025-06-02', false, '端午节'),
    ('2025-09-28', true,  '国庆节调休上班'),
    ('2025-10-01', false, '国庆节、中秋节'), ('2025-10-02', false, '国庆节、中秋节'),
    ('2025-10-03', false, '国庆节、中秋节'), ('2025-10-06', false, '国庆节、中秋节'),
    ('2025-10-07', false, '国庆节、中秋节'), ('2025-10-08', false, '国庆节、中秋节'),
    ('2025-10-11', true,  '国庆节调休上班'),
    ('2026-01-01', false, '元旦'), ('2026-01-02', false, '元旦'),
    ('2026-01-04', true,  '元旦调休上班'),
    ('2026-02-14', true,  '春节调休上班'),
    ('2026-02-16', false, '春节'), ('2026-02-17', false, '春节'), ('2026-02-18', false, '春节'),
    ('2026-02-19', false, '春节'), ('2026-02-20', false, '春节'), ('2026-02-23', false, '春节'),
    ('2026-02-28', true,  '春节调休上班'),
    ('2026-04-06', false, '清明节'),
    ('2026-05-01', false, '劳动节'), ('2026-05-04', false, '劳动节'), ('2026-05-05', false, '劳动节'),
    ('2026-05-09', true,  '劳动节调休上班'),
    ('2026-06-19', false, '端午节'),
    ('2026-09-20', true,  '国庆节调休上班'),
    ('2026-09-25', false, '中秋节'),
    ('2026-10-01', false, '国庆节'), ('2026-10-02', false, '国庆节'), ('2026-10-05', false, '国庆节'),
    ('2026-10-06', false, '国庆节'), ('2026-10-07', false, '国庆节'),
    ('2026-10-10', true,  '国庆节调休上班');
