-- issue 16 (copies): a grant (or a pending request) on an item that was destroyed ends for that item;
-- every use of it answers 410 Gone with the destruction record (docs/adr/0070)
alter table loan_request_item add column ended_at timestamptz;
