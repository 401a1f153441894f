-- issue 16: the location register (库房, 架, 层, 格) and the physical originals that follow a destruction.
create table storage_location (                      -- 存放位置
    id         bigint generated always as identity primary key,
    fonds_id   bigint       not null references fonds (id),   -- scope: the fonds' organisation
    room       varchar(64)  not null,                -- 库房
    shelf      varchar(32)  not null,                -- 架
    layer      varchar(16)  not null,                -- 层
    cell       varchar(16)  not null,                -- 格
    note       varchar(200),
    created_at timestamptz  not null default now(),
    unique (fonds_id, room, shelf, layer, cell)
);

alter table box add column location_id bigint references storage_location (id);
alter table volume add column location_id bigint references storage_location (id);

-- 实体档案待销毁: every item of the box / volume was destroyed on the 销毁清册 named here
alter table box add column disposal_list varchar(32);
alter table box add column disposal_marked_at timestamptz;
alter table box add column physically_destroyed_on date;
alter table box add column physical_method varchar(100);
alter table volume add column disposal_list varchar(32);
alter table volume add column disposal_marked_at timestamptz;
alter table volume add column physically_destroyed_on date;
alter table volume add column physical_method varchar(100);
create index box_disposal_list on box (disposal_list) where disposal_list is not null;
create index volume_disposal_list on volume (disposal_list) where disposal_list is not null;
create index item_in_box_idx on item (box_id) where box_id is not null;
create index item_in_volume_idx on item (volume_id) where volume_id is not null;
