-- issue 14: a running sweep shows which 档号 it reached last (the console polls its progress)
alter table fixity_sweep add column last_code varchar(120);
