-- issue 21: several application nodes on one database (docs/adr/0138)

-- one row per node that ever started: its heartbeat, and when it was declared gone
create table cluster_node (
    node_id    varchar(64) primary key,
    address    varchar(200) not null,
    started_at timestamptz not null,
    last_seen  timestamptz not null,
    left_at    timestamptz
);

-- the lock row of each scheduled job that runs once in the cluster: ShedLock's layout, its times the database's own
-- clock in UTC without a zone, as ShedLock writes them (timezone('utc', current_timestamp))
create table job_lock (
    name       varchar(64) primary key,
    lock_until timestamp not null,
    locked_at  timestamp not null,
    locked_by  varchar(255) not null
);
