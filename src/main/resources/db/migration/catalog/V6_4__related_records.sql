-- related records: items of one business case (业务受理号) are found together
create index item_acceptance_idx on item (acceptance_no);
