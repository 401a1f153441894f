-- issue 16 (list): when the 备案 was recorded, and the executed list archived after the destruction.
alter table destruction_list add column filed_at timestamptz;
alter table destruction_list add column executed_item_id uuid;   -- the executed list, archived as a second item
alter table destruction_list add check ((filed_on is null) = (filing_ref is null));
