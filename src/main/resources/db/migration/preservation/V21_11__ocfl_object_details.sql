-- Issue 21: ocfl-java's object details database for an S3 preservation store (docs/adr/0136). One row per object
-- with its current root inventory, replaced in the same transaction as the version's upload: every node reads an
-- object's inventory from this row in one statement, never a half-replaced inventory/sidecar pair from the bucket.
-- The columns are the ones ocfl-java 2.2.3 reads and writes (its PostgreSQL template).
create table ocfl_object_details (
    object_id        varchar(1024) primary key,
    version_id       varchar(255)  not null,
    object_root_path varchar(2048) not null,
    revision_id      varchar(255),
    inventory_digest varchar(255)  not null,
    digest_algorithm varchar(255)  not null,
    inventory        bytea,
    update_timestamp timestamptz   not null
);

comment on table ocfl_object_details is 'OCFL root inventories of the S3 store (ocfl-java object details), owned by preservation';
