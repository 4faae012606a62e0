-- The calendar holds a kind per date (issue 15): a public holiday, a swapped day off (ngày nghỉ hoán đổi, a
-- weekday off paid back by a make-up Saturday) or a make-up working day (ngày làm bù, a Saturday or Sunday worked).
-- A row can be switched off: it is kept, but counts as an ordinary day (Vietnam Culture Day, 24 November).
alter table holiday add column kind varchar(24) default 'HOLIDAY' not null;
alter table holiday add column active boolean default true not null;
alter table holiday add constraint holiday_kind check (kind in ('HOLIDAY', 'SWAPPED_DAY_OFF', 'MAKE_UP_WORKING_DAY'));

-- A fresh database is filled from seed/holidays/vn-public-holidays.csv at start-up, which carries all of this.
-- A calendar loaded from the older file gets the same corrections here; a date the admin already has is left alone.
update holiday set kind = 'SWAPPED_DAY_OFF' where holiday_date in (date '2024-04-29', date '2025-05-02', date '2026-01-02');

insert into holiday (holiday_date, name_vi, name_en, kind, active)
select v.d, v.vi, v.en, v.k, v.a from (values
    (date '2024-05-04', 'Làm bù cho ngày nghỉ hoán đổi 29/4', 'Make-up working day for 29 April', 'MAKE_UP_WORKING_DAY', true),
    (date '2025-04-26', 'Làm bù cho ngày nghỉ hoán đổi 2/5', 'Make-up working day for 2 May', 'MAKE_UP_WORKING_DAY', true),
    (date '2026-01-10', 'Làm bù cho ngày nghỉ hoán đổi 2/1', 'Make-up working day for 2 January', 'MAKE_UP_WORKING_DAY', true),
    (date '2026-08-22', 'Làm bù cho ngày nghỉ hoán đổi 31/8', 'Make-up working day for 31 August', 'MAKE_UP_WORKING_DAY', true),
    (date '2026-08-31', 'Nghỉ hoán đổi ngày làm việc (Quốc khánh)', 'Swapped day off (National Day)', 'SWAPPED_DAY_OFF', true),
    (date '2026-11-24', 'Ngày Văn hóa Việt Nam (chưa được luật hóa)', 'Vietnam Culture Day (not yet codified)', 'HOLIDAY', false),
    (date '2027-11-24', 'Ngày Văn hóa Việt Nam (chưa được luật hóa)', 'Vietnam Culture Day (not yet codified)', 'HOLIDAY', false)
) as v (d, vi, en, k, a)
where exists (select 1 from holiday) and not exists (select 1 from holiday h where h.holiday_date = v.d);

-- Legal bases that named the wrong text (checked against the laws and decrees; README "Legal basis").
insert into reference_change (changed_at, changed_by, entity, entity_key, old_value, new_value)
select localtimestamp, 'migration V20', 'deadline_rule', code, legal_basis, v.basis from deadline_rule r join (values
    ('complaint.accept', date '2026-07-01',
     'Nghị định 155/2026/NĐ-CP, Điều 10 (sửa đổi khoản 1 Điều 16 Nghị định 124/2020/NĐ-CP)'),
    ('disclosure.post', date '2023-07-01', 'Luật Thực hiện dân chủ ở cơ sở 2022, khoản 3 Điều 12'),
    ('disclosure.duration', date '2023-07-01', 'Luật Thực hiện dân chủ ở cơ sở 2022, Điều 13')
) as v (c, f, basis) on r.code = v.c and r.valid_from = v.f
where r.legal_basis <> v.basis;

update deadline_rule set legal_basis = 'Nghị định 155/2026/NĐ-CP, Điều 10 (sửa đổi khoản 1 Điều 16 Nghị định 124/2020/NĐ-CP)'
where code = 'complaint.accept' and valid_from = date '2026-07-01';
update deadline_rule set legal_basis = 'Luật Thực hiện dân chủ ở cơ sở 2022, khoản 3 Điều 12'
where code = 'disclosure.post' and valid_from = date '2023-07-01';
update deadline_rule set legal_basis = 'Luật Thực hiện dân chủ ở cơ sở 2022, Điều 13'
where code = 'disclosure.duration' and valid_from = date '2023-07-01';
