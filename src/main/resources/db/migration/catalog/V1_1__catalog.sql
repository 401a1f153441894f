-- catalog: fonds, classification scheme (人社部令第3号 annex), persons, employers, items, volumes, boxes

create table fonds (
    id           bigint generated always as identity primary key,
    code         varchar(16)  not null unique,          -- 全宗号
    name         varchar(200) not null,                 -- 全宗名称
    agency       varchar(200) not null,                 -- 立档单位名称
    created_at   timestamptz  not null default now()
);

create table material_category (                     -- 材料大类 (九类)
    code       varchar(4)   primary key,
    name       varchar(100) not null,
    sort_order int          not null
);

create table retention_period (                      -- 保管期限
    code       varchar(8)  primary key,              -- Y, D100, D50, D30, D10
    name       varchar(32) not null,
    years      int,                                  -- null = permanent
    sort_order int         not null,
    check (years is null or years > 0)
);

create table archive_scope (                         -- 归档范围条目 (annex rows)
    code           varchar(8)   primary key,         -- e.g. 01-02
    category_code  varchar(4)   not null references material_category (code),
    name           varchar(200) not null,
    retention_code varchar(8)   not null references retention_period (code),
    basis          varchar(200) not null,            -- source of the retention rule
    verified       boolean      not null             -- false: taken from an unverified reading, check locally
);

create table material_type (                         -- 业务材料
    code       varchar(16)  primary key,
    name       varchar(200) not null,
    scope_code varchar(8)   not null references archive_scope (code)
);

create table business_step (                         -- 业务环节
    code           varchar(16)  primary key,
    name           varchar(100) not null,
    category_code  varchar(4)   not null references material_category (code),
    insurance_type varchar(3),                       -- default 险种 (AAE140), null = any
    subject        varchar(8)   not null check (subject in ('PERSON', 'EMPLOYER', 'ANY')),
    active         boolean      not null default true
);

create table business_step_material (
    step_code     varchar(16) not null references business_step (code),
    material_code varchar(16) not null references material_type (code),
    required      boolean     not null,
    sort_order    int         not null,
    primary key (step_code, material_code)
);

create table code_table (                            -- 代码表
    category   varchar(16)  not null,
    code       varchar(16)  not null,
    name       varchar(100) not null,
    sort_order int          not null default 0,
    primary key (category, code)
);

create table archive_code_rule (                     -- 档号规则
    id            bigint generated always as identity primary key,
    fonds_id      bigint references fonds (id),      -- null = every fonds
    category_code varchar(4) references material_category (code), -- null = every category
    pattern       varchar(200) not null,
    seq_width     int          not null check (seq_width between 1 and 8),
    unique nulls not distinct (fonds_id, category_code)
);

create table archive_code_counter (                  -- last 件号 per lowest class
    class_key  varchar(200) primary key,
    last_value int          not null
);

create table person (                                -- 参保人
    id         bigint generated always as identity primary key,
    cert_type  varchar(4)   not null,                -- 证件类型 AAC058
    cert_no    varchar(32)  not null,                -- 公民身份号码 / other certificate number
    name       varchar(100) not null,
    gender     char(1),                              -- 1 male, 2 female (from the ID number)
    birth_date date,
    created_at timestamptz  not null default now(),
    unique (cert_type, cert_no)
);
create index person_name_idx on person (name);

create table employer (                              -- 参保单位
    id          bigint generated always as identity primary key,
    credit_code varchar(18)  not null unique,        -- 统一社会信用代码
    name        varchar(200) not null,
    created_at  timestamptz  not null default now()
);
create index employer_name_idx on employer (name);

create table box (                                   -- 盒
    id         bigint generated always as identity primary key,
    fonds_id   bigint      not null references fonds (id),
    box_no     varchar(64) not null,
    created_at timestamptz not null default now(),
    unique (fonds_id, box_no)
);

create table volume (                                -- 卷
    id             bigint generated always as identity primary key,
    fonds_id       bigint       not null references fonds (id),
    archive_code   varchar(120) not null unique,
    title          varchar(500) not null,
    year           int          not null,
    retention_code varchar(8)   not null references retention_period (code),
    box_id         bigint references box (id),
    created_at     timestamptz  not null default now()
);

create table item (                                  -- 件
    id               uuid         primary key,
    fonds_id         bigint       not null references fonds (id),
    archive_code     varchar(120) not null unique,   -- 档号
    class_key        varchar(200) not null,
    item_no          int          not null,          -- 件号
    title            varchar(500) not null,          -- 题名
    responsible      varchar(200) not null,          -- 责任者
    doc_date         date         not null,          -- 日期 (formation date)
    year             int          not null,          -- 年度
    doc_no           varchar(100),                   -- 文件编号
    security_level   varchar(4)   not null,          -- 密级 / sensitivity
    page_count       int,
    category_code    varchar(4)   not null references material_category (code),
    step_code        varchar(16)  not null references business_step (code),
    insurance_type   varchar(3),                     -- 险种
    acceptance_no    varchar(64)  not null,          -- 业务受理号
    idempotency_key  varchar(200) not null unique,
    fingerprint      char(64)     not null,          -- SHA-256 of the capture request as received
    handler          varchar(100) not null,          -- 经办人
    handling_agency  varchar(200) not null,          -- 经办机构
    handled_at       timestamptz  not null,          -- 经办时间
    retention_code   varchar(8)   not null references retention_period (code),
    retention_start  date         not null,
    retention_end    date,                           -- null = permanent
    person_id        bigint references person (id),
    person_name      varchar(100),                   -- name as written on the material
    employer_id      bigint references employer (id),
    volume_id        bigint references volume (id),
    box_id           bigint references box (id),
    status           varchar(16)  not null check (status in ('RECEIVING', 'PRESERVED', 'QUARANTINED')),
    status_reason    varchar(500),
    object_id        varchar(200) not null unique,   -- OCFL object id
    object_version   int          not null default 0,
    created_at       timestamptz  not null default now(),
    updated_at       timestamptz  not null default now(),
    unique (class_key, item_no)
);
create index item_person_idx on item (person_id, handled_at);
create index item_employer_idx on item (employer_id, handled_at);
create index item_status_idx on item (status) where status <> 'PRESERVED';

create table item_file (
    item_id        uuid         not null references item (id),
    seq            int          not null,
    material_code  varchar(16)  not null references material_type (code),
    original_name  varchar(255) not null,            -- as sent; never used as a path
    logical_path   varchar(255) not null,            -- path inside the OCFL object
    media_type     varchar(120) not null,
    format_name    varchar(60)  not null,
    size_bytes     bigint       not null,
    sm3            char(64)     not null,
    sha256         char(64)     not null,
    primary key (item_id, seq)
);
