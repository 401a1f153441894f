-- issue 17, reference data import (docs/adr/0074): reference_row becomes LIST-partitioned by dataset_id, one
-- partition per dataset. An import COPYs into a fresh table without indexes, builds its indexes, then attaches
-- it in the transaction that marks the dataset LOADED; withdrawal detaches and drops it. Same columns as the
-- contract (V17_1); the foreign key to reference_dataset is not kept on the partitioned table, because
-- attaching would re-check it row by row (datasets are never deleted, only withdrawn).
drop table reference_row;

create table reference_row (
    dataset_id   bigint        not null,
    row_no       bigint        not null,
    token        bytea         not null,
    cert_enc     bytea         not null,
    name_masked  varchar(40),
    birth_date   date,
    gender       char(1),
    scheme       varchar(8),
    subtype      varchar(16),
    status       varchar(16),
    start_date   date,
    end_date     date,
    event_date   date,
    last_paid    date,
    amount       numeric(14, 2),
    region_code  varchar(12),
    agency_code  varchar(32),
    source_ref   varchar(64),
    primary key (dataset_id, row_no)
) partition by list (dataset_id);
create index reference_row_token on reference_row (token);

-- rows written directly (fixtures, small tools) land here; imports always get their own partition
create table reference_row_default partition of reference_row default;

comment on table reference_row is 'Staging rows of every kind; partitioned by dataset (docs/adr/0074)';

