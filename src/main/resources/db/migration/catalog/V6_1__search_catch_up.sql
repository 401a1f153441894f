-- search catch-up after a restart reads items changed since the index's watermark
create index item_updated_idx on item (updated_at);
