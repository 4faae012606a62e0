begin;
-- a province's officers: 1,000 units x 8 roles x 3 officers = 24,000 users and memberships
insert into act_id_group (id_, rev_, name_, type_)
  select 'u' || u || ':' || r, 1, 'g', 'UNIT' from generate_series(1, 1000) u,
    unnest(array['reception-officer','handling-officer','unit-head','supervisor','inspector','people-inspector','steering-secretary','steering-head']) r;
insert into act_id_user (id_, rev_, first_, last_) select 'p' || i, 1, 'Cán bộ', 'Số ' || i from generate_series(1, 24000) i;
insert into act_id_membership (user_id_, group_id_)
  select 'p' || i, 'u' || (1 + (i - 1) / 24) || ':' || (array['reception-officer','handling-officer','unit-head','supervisor','inspector','people-inspector','steering-secretary','steering-head'])[1 + ((i - 1) / 3) % 8]
  from generate_series(1, 24000) i;
analyze act_id_user; analyze act_id_membership;
-- the shape of Camunda's createUserQuery().memberOfGroup(g), as Officers.inUnit runs it once per role
explain analyze select distinct RES.* from ACT_ID_USER RES inner join ACT_ID_MEMBERSHIP M on RES.ID_ = M.USER_ID_
  where M.GROUP_ID_ = 'u500:unit-head' order by RES.ID_ asc limit 2147483647 offset 0;
rollback;
