-- issue 16: the expiry worklist (到期鉴定清单) reads items by the end of their term; 永久 (null) and
-- destroyed items never appear, so they stay out of the index. Containers are found through their items.
create index item_retention_end_idx on item (retention_end) where retention_end is not null and status <> 'DESTROYED';
create index item_volume_idx on item (volume_id) where volume_id is not null;
create index item_box_idx on item (box_id) where box_id is not null;
