-- issue 21: the node whose capture registered an item, so that a node's start-up finishes only its own interrupted
-- captures and the others wait until that node is declared gone (docs/adr/0138); null on rows from before
alter table item add column receiving_node varchar(64);
