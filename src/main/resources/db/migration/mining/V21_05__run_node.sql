-- issue 21: the node a mining run runs on; a restart fails only its own interrupted runs (docs/adr/0138)
alter table mining_run add column node_id varchar(64);
