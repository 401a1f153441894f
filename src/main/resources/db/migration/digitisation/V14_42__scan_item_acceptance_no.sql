-- issue 14: the 业务受理号 a manifest gives for a scanned item (its sixth column), filed as the item's 受理号
alter table scan_item add column acceptance_no varchar(64);
