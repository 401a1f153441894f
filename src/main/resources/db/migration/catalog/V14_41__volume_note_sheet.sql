-- issue 14: the 备考表 of a volume (DA/T 22 / GB/T 9705): 本卷情况说明, 立卷人, 检查人, 立卷时间
alter table volume add column note        varchar(1000);
alter table volume add column compiled_by varchar(100);
alter table volume add column checked_by  varchar(100);
alter table volume add column compiled_on date;
