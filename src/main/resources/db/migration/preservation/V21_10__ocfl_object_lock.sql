-- Issue 21: the OCFL object lock of an S3 preservation store that several application nodes share
-- (docs/adr/0136). ocfl-java's DbObjectLock inserts a row per object while a node writes a version of it and
-- deletes it after; a row older than siarchive.preservation.lock-expiry (a node that died) may be taken over.
-- The columns are the ones ocfl-java 2.2.3 reads and writes; timestamptz (ocfl-java's own DDL has timestamp
-- without time zone) so that nodes in different JVM time zones compare the same instants.
create table ocfl_object_lock (
    object_id          varchar(1024) primary key,
    acquired_timestamp timestamptz   not null
);

comment on table ocfl_object_lock is 'OCFL object write locks across nodes (ocfl-java DbObjectLock), owned by preservation';
