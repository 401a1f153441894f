-- analytics: the holdings read model (馆藏统计, issue 18, docs/adr/0086). Kept current by the catalogue's events
-- through catalog.ItemFigures; holdings are the items PRESERVED (not RECEIVING, QUARANTINED or DESTROYED).

-- what each held item contributes now: a redelivered or repeated event recounts the item and changes the
-- aggregates only by the difference between this row and the item's current facts
create table holdings_item (
    item_id        uuid         primary key,
    org_path       varchar(200) not null,           -- materialised path of the item's fonds' organisation
    year           int          not null,           -- 年度
    category_code  varchar(16)  not null,           -- 材料大类
    insurance_type varchar(16)  not null,           -- 险种 (AAE140), '' for none
    retention_code varchar(8)   not null,           -- 保管期限
    filed_month    date         not null,           -- first day of the month it was filed (北京时间)
    pages          int          not null check (pages >= 0),
    bytes          bigint       not null check (bytes >= 0)
);

-- the held items by organisation × year × category × 险种 × retention
create table holdings_cell (
    org_path       varchar(200) not null,
    year           int          not null,
    category_code  varchar(16)  not null,
    insurance_type varchar(16)  not null,
    retention_code varchar(8)   not null,
    items          bigint       not null check (items >= 0),
    pages          bigint       not null check (pages >= 0),
    bytes          bigint       not null check (bytes >= 0),
    primary key (org_path, year, category_code, insurance_type, retention_code)
);
create index holdings_cell_org_idx on holdings_cell (org_path varchar_pattern_ops);

-- the held items by organisation × month filed (growth)
create table holdings_month (
    org_path    varchar(200) not null,
    filed_month date         not null,
    items       bigint       not null check (items >= 0),
    pages       bigint       not null check (pages >= 0),
    bytes       bigint       not null check (bytes >= 0),
    primary key (org_path, filed_month)
);
create index holdings_month_org_idx on holdings_month (org_path varchar_pattern_ops, filed_month);

-- the rebuild's progress: one row; BUILDING with the last item id done (a restart goes on from there), BUILT
create table holdings_build (
    id          smallint     primary key check (id = 1),
    state       varchar(16)  not null check (state in ('BUILDING', 'BUILT')),
    after_id    uuid,
    items       bigint       not null default 0,
    started_at  timestamptz  not null,
    finished_at timestamptz
);
