-- issue 17: the business steps and materials the comparison warnings and the 转移接续 cases file under. Like the
-- seed, reference data (verified = false where the annex does not name the material): local rules may differ.

-- A confirmed (or excluded) warning's evidence: category 09 稽核监管类, 稽核材料 (30 years).
insert into material_type (code, name, scope_code) values
    ('JH04', '数据比对预警核查报告', '09-01'),
    ('JH05', '比对证据清单', '09-01');

insert into business_step (code, name, category_code, insurance_type, subject) values
    ('JHYJ', '数据比对预警核查', '09', null, 'PERSON');

insert into business_step_material (step_code, material_code, required, sort_order) values
    ('JHYJ', 'JH04', true, 1),
    ('JHYJ', 'JH05', false, 2);

-- 转移接续 documents (domain.md §11.3), filed on both sides under 03-06 养老保险关系转移接续材料.
insert into material_type (code, name, scope_code) values
    ('YL11', '基本养老保险关系转移接续申请表', '03-06'),
    ('YL12', '联系函回执', '03-06'),
    ('YL13', '基金划转表', '03-06'),
    ('YL14', '转出地终结记录', '03-06'),
    ('YL15', '转入地接续完成记录', '03-06');

insert into business_step (code, name, category_code, insurance_type, subject) values
    ('ZYJXZR', '养老保险关系转入接续', '03', null, 'PERSON'),
    ('ZYJXZC', '养老保险关系转出', '03', null, 'PERSON');

insert into business_step_material (step_code, material_code, required, sort_order) values
    ('ZYJXZR', 'YL11', true, 1), ('ZYJXZR', 'YL08', false, 2), ('ZYJXZR', 'YL09', true, 3),
    ('ZYJXZR', 'YL10', true, 4), ('ZYJXZR', 'YL13', false, 5), ('ZYJXZR', 'YL15', true, 6),
    ('ZYJXZC', 'YL09', true, 1), ('ZYJXZC', 'YL10', true, 2), ('ZYJXZC', 'YL13', false, 3),
    ('ZYJXZC', 'YL12', false, 4), ('ZYJXZC', 'YL14', true, 5);

-- Who provides comparison data (domain.md §10): editable like every code table.
insert into code_table (category, code, name, sort_order) values
    ('DATA_SOURCE', 'RS', '人社业务系统', 1),
    ('DATA_SOURCE', 'GA', '公安（户籍注销）', 2),
    ('DATA_SOURCE', 'MZ', '民政（火化、殡葬）', 3),
    ('DATA_SOURCE', 'WJ', '卫生健康（死亡登记）', 4),
    ('DATA_SOURCE', 'FY', '法院', 5),
    ('DATA_SOURCE', 'JCY', '检察院', 6),
    ('DATA_SOURCE', 'SF', '司法行政（监狱）', 7),
    ('DATA_SOURCE', 'SW', '税务（缴费）', 8),
    ('DATA_SOURCE', 'CRJ', '公安出入境', 9),
    ('DATA_SOURCE', 'QG', '全国社会保险信息平台（其他地区）', 10),
    ('DATA_SOURCE', 'ZR', '自然资源（被征地农民）', 11);
