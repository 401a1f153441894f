-- issue 17 (engine): where a rule version came from, and the warning numbers' own sequence.
-- RESOURCE versions come from comparison/rules.json at start-up; CHANGE versions from a person's change.
alter table comparison_rule_version add column origin varchar(16) not null default 'RESOURCE'
    check (origin in ('RESOURCE', 'CHANGE'));
alter table comparison_rule_version add column note varchar(500);

create sequence comparison_warning_no_seq;

create index comparison_run_recent on comparison_run (org_path, started_at desc);

-- where a run's time went: reading from PostgreSQL, the join, storing the warnings
alter table comparison_run add column load_ms bigint;
alter table comparison_run add column join_ms bigint;
alter table comparison_run add column store_ms bigint;
