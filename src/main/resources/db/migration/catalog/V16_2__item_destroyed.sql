-- issue 16: a destroyed item keeps its catalogue row as a tombstone (档号 never reassigned)
alter table item drop constraint item_status_check;
alter table item add constraint item_status_check
    check (status in ('RECEIVING', 'PRESERVED', 'QUARANTINED', 'DESTROYED'));
alter table item add column destroyed_at timestamptz;
