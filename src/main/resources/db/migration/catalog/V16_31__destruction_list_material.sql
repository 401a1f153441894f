-- issue 16: the 销毁清册 is archived permanently as an item of its own. Basis: 人社部、国家档案局令第3号 (鉴定销毁)
-- and 会计档案管理办法 第十八条 (会计档案销毁清册永久保存); the local rules may place it elsewhere — it is reference data.
insert into archive_scope (code, category_code, name, retention_code, basis, verified) values
    ('01-90', '01', '档案鉴定销毁材料', 'Y', '令第3号 第十九条；会计档案管理办法 第十八条（档案销毁清册永久保存）', false);

insert into material_type (code, name, scope_code) values
    ('XHQC', '销毁清册', '01-90'),
    ('XHQCB', '销毁清册（电子表格）', '01-90');

insert into business_step (code, name, category_code, insurance_type, subject) values
    ('DAJDXH', '档案鉴定销毁', '01', null, 'ANY');

insert into business_step_material (step_code, material_code, required, sort_order) values
    ('DAJDXH', 'XHQC', true, 1),
    ('DAJDXH', 'XHQCB', false, 2);
