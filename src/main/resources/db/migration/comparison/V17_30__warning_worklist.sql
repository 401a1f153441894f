-- issue 17 (warnings): what the worklist needs beyond the contract (V17_1). The finding text of a confirmation,
-- the reminders of overdue warnings (one per warning and day, counted), and the delivery of payment instructions
-- (the sink that took one and when it was last tried). Indexes for the worklist's filters and statistics.
alter table comparison_warning add column finding       varchar(1000);
alter table comparison_warning add column reminders     int  not null default 0;
alter table comparison_warning add column reminded_on   date;

create index comparison_warning_raised on comparison_warning (org_path, raised_at);
create index comparison_warning_due on comparison_warning (due_on) where state <> 'CLOSED';
create index comparison_warning_runs on comparison_warning (last_run_id);

alter table payment_instruction add column delivered_to  varchar(200);
alter table payment_instruction add column attempted_at  timestamptz;
create index payment_instruction_pending on payment_instruction (state) where state <> 'DELIVERED';
