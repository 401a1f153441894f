-- issue 16: 保密期限 — the day until which an item keeps its 密级 (null: no period recorded; the
-- configured default per level applies, docs/adr/0064). The secrecy review lists items past it.
alter table item add column secrecy_until date;
create index item_secrecy_until_idx on item (secrecy_until) where secrecy_until is not null;
