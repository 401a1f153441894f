-- issue 18 (operations): the daily activity read model rolled up per month, organisation and activity, written in
-- the same statement as activity_day (ActivityDays.add), so dashboards over whole months read a few thousand rows
-- (docs/adr/0088). Filled once here from the days counted so far.
create table activity_month (
    month    date         not null,               -- first day of the month (北京时间)
    org_path varchar(200) not null,
    activity varchar(32)  not null,
    count    bigint       not null check (count > 0),
    amount   bigint       not null check (amount >= 0),
    primary key (month, org_path, activity)
);
create index activity_month_org_idx on activity_month (org_path varchar_pattern_ops, month);

insert into activity_month (month, org_path, activity, count, amount)
select date_trunc('month', day)::date, org_path, activity, sum(count), sum(amount)
  from activity_day group by 1, 2, 3;
