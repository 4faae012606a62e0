-- The audit search's statements (vn.qcdc.audit.AuditSearch) on a synthetic history: 150,000 cases in 100 units
-- (u-000..u-099), each an intake and a handling instance, 1.8M variables, 1.05M tasks. Needs the application's schema
-- (V22 indexes); everything is rolled back.
begin;
insert into ACT_HI_PROCINST (ID_, PROC_INST_ID_, BUSINESS_KEY_, PROC_DEF_KEY_, PROC_DEF_ID_, START_TIME_, END_TIME_, STATE_, ROOT_PROC_INST_ID_, SUPER_PROCESS_INSTANCE_ID_)
select 'r' || g, 'r' || g, 'KN-B-' || g, 'citizen-case', 'citizen-case:1:x', timestamp '2025-01-01' + (g || ' minutes')::interval * 3,
  case when g % 5 = 0 then null else timestamp '2025-01-01' + (g || ' minutes')::interval * 3 + interval '20 days' end,
  case when g % 5 = 0 then 'ACTIVE' when g % 97 = 0 then 'EXTERNALLY_TERMINATED' else 'COMPLETED' end, 'r' || g, null
from generate_series(1, 150000) g;
insert into ACT_HI_PROCINST (ID_, PROC_INST_ID_, BUSINESS_KEY_, PROC_DEF_KEY_, PROC_DEF_ID_, START_TIME_, END_TIME_, STATE_, ROOT_PROC_INST_ID_, SUPER_PROCESS_INSTANCE_ID_)
select 's' || g, 's' || g, 'KN-B-' || g, 'complaint', 'complaint:1:x', timestamp '2025-01-01' + (g || ' minutes')::interval * 3 + interval '1 day',
  case when g % 5 = 0 then null else timestamp '2025-01-01' + (g || ' minutes')::interval * 3 + interval '19 days' end,
  case when g % 5 = 0 then 'ACTIVE' else 'COMPLETED' end, 'r' || g, 'r' || g
from generate_series(1, 150000) g;
insert into ACT_HI_VARINST (ID_, PROC_INST_ID_, ROOT_PROC_INST_ID_, NAME_, VAR_TYPE_, TEXT_, REV_, STATE_)
select 'vu' || p || g, p || g, 'r' || g, 'unitCode', 'string', 'u-' || lpad((g % 100)::text, 3, '0'), 0, 'CREATED'
from generate_series(1, 150000) g, (values ('r'), ('s')) v(p);
insert into ACT_HI_VARINST (ID_, PROC_INST_ID_, ROOT_PROC_INST_ID_, NAME_, VAR_TYPE_, TEXT_, REV_, STATE_)
select 'vk' || p || g, p || g, 'r' || g, 'kind', 'string', (array['COMPLAINT','DENUNCIATION','PETITION','ANONYMOUS_INFO'])[1 + g % 4], 0, 'CREATED'
from generate_series(1, 150000) g, (values ('r'), ('s')) v(p);
insert into ACT_HI_VARINST (ID_, PROC_INST_ID_, ROOT_PROC_INST_ID_, NAME_, VAR_TYPE_, TEXT_, REV_, STATE_)
select 'vf' || n || '-' || g, 'r' || g, 'r' || g, 'field' || n, 'string', repeat('nội dung ', 20), 0, 'CREATED'
from generate_series(1, 150000) g, generate_series(1, 8) n;
insert into ACT_HI_TASKINST (ID_, PROC_INST_ID_, ROOT_PROC_INST_ID_, PROC_DEF_KEY_, TASK_DEF_KEY_, NAME_, ASSIGNEE_, START_TIME_, PRIORITY_)
select 't' || n || '-' || g, case when n = 1 then 'r' else 's' end || g, 'r' || g, 'complaint', 'step' || n, 'Bước ' || n,
  'user' || lpad(((g * 7 + n) % 300)::text, 3, '0'), timestamp '2025-01-01' + (g || ' minutes')::interval * 3, 50
from generate_series(1, 150000) g, generate_series(1, 7) n;
analyze ACT_HI_PROCINST; analyze ACT_HI_VARINST; analyze ACT_HI_TASKINST; analyze ACT_HI_OP_LOG; analyze ACT_HI_INCIDENT;
\echo === 1 code
explain (analyze, costs off, timing on, summary on) select RES.* from ACT_HI_PROCINST RES where 1 = 1 and (RES.BUSINESS_KEY_ = 'KN-B-77777' or RES.ID_ = 'KN-B-77777') and RES.SUPER_PROCESS_INSTANCE_ID_ is null order by RES.START_TIME_ desc, RES.ID_ limit 50 offset 0;
\echo === 2 unit subtree + started range, first page
explain (analyze, costs off, timing on, summary on) select RES.* from ACT_HI_PROCINST RES where 1 = 1 and RES.SUPER_PROCESS_INSTANCE_ID_ is null and RES.START_TIME_ >= '2025-03-01' and RES.START_TIME_ < '2025-04-01' and exists (select 1 from ACT_HI_VARINST U where U.PROC_INST_ID_ = RES.ID_ and U.NAME_ = 'unitCode' and U.TEXT_ in ('u-030','u-031','u-032','u-033','u-034','u-035','u-036','u-037','u-038','u-039','d-3')) order by RES.START_TIME_ desc, RES.ID_ limit 50 offset 0;
\echo === 2b its count
explain (analyze, costs off, timing on, summary on) select count(*) from ACT_HI_PROCINST RES where 1 = 1 and RES.SUPER_PROCESS_INSTANCE_ID_ is null and RES.START_TIME_ >= '2025-03-01' and RES.START_TIME_ < '2025-04-01' and exists (select 1 from ACT_HI_VARINST U where U.PROC_INST_ID_ = RES.ID_ and U.NAME_ = 'unitCode' and U.TEXT_ in ('u-030','u-031','u-032','u-033','u-034','u-035','u-036','u-037','u-038','u-039','d-3'));
\echo === 3 unit subtree alone (no dates), first page and count
explain (analyze, costs off, timing on, summary on) select RES.* from ACT_HI_PROCINST RES where 1 = 1 and RES.SUPER_PROCESS_INSTANCE_ID_ is null and exists (select 1 from ACT_HI_VARINST U where U.PROC_INST_ID_ = RES.ID_ and U.NAME_ = 'unitCode' and U.TEXT_ in ('u-030','u-031','u-032','u-033','u-034','u-035','u-036','u-037','u-038','u-039','d-3')) order by RES.START_TIME_ desc, RES.ID_ limit 50 offset 0;
explain (analyze, costs off, timing on, summary on) select count(*) from ACT_HI_PROCINST RES where 1 = 1 and RES.SUPER_PROCESS_INSTANCE_ID_ is null and exists (select 1 from ACT_HI_VARINST U where U.PROC_INST_ID_ = RES.ID_ and U.NAME_ = 'unitCode' and U.TEXT_ in ('u-030','u-031','u-032','u-033','u-034','u-035','u-036','u-037','u-038','u-039','d-3'));
\echo === 5 status completed + kind, first page and count
explain (analyze, costs off, timing on, summary on) select RES.* from ACT_HI_PROCINST RES where 1 = 1 and RES.SUPER_PROCESS_INSTANCE_ID_ is null and RES.STATE_ = 'COMPLETED' and exists (select 1 from ACT_HI_VARINST K where K.PROC_INST_ID_ = RES.ID_ and K.NAME_ = 'kind' and K.TEXT_ = 'COMPLAINT') order by RES.START_TIME_ desc, RES.ID_ limit 50 offset 0;
explain (analyze, costs off, timing on, summary on) select count(*) from ACT_HI_PROCINST RES where 1 = 1 and RES.SUPER_PROCESS_INSTANCE_ID_ is null and RES.STATE_ = 'COMPLETED' and exists (select 1 from ACT_HI_VARINST K where K.PROC_INST_ID_ = RES.ID_ and K.NAME_ = 'kind' and K.TEXT_ = 'COMPLAINT');
\echo === 6 no filter count
explain (analyze, costs off, timing on, summary on) select count(*) from ACT_HI_PROCINST RES where 1 = 1 and RES.SUPER_PROCESS_INSTANCE_ID_ is null;
\echo === 7 ended range + process
explain (analyze, costs off, timing on, summary on) select RES.* from ACT_HI_PROCINST RES where 1 = 1 and RES.PROC_DEF_KEY_ = 'complaint' and RES.END_TIME_ >= '2025-06-01' and RES.END_TIME_ < '2025-06-08' order by RES.END_TIME_ desc, RES.ID_ limit 50 offset 0;
\echo === 4 officer, first page and count
explain (analyze, costs off, summary on) select RES.* from ACT_HI_PROCINST RES where 1 = 1 and RES.SUPER_PROCESS_INSTANCE_ID_ is null and RES.ROOT_PROC_INST_ID_ in (select T.ROOT_PROC_INST_ID_ from ACT_HI_TASKINST T where T.ASSIGNEE_ = 'user042' union select O.ROOT_PROC_INST_ID_ from ACT_HI_OP_LOG O where O.USER_ID_ = 'user042') order by RES.START_TIME_ desc, RES.ID_ limit 50 offset 0;
explain (analyze, costs off, summary on) select count(*) from ACT_HI_PROCINST RES where 1 = 1 and RES.SUPER_PROCESS_INSTANCE_ID_ is null and RES.ROOT_PROC_INST_ID_ in (select T.ROOT_PROC_INST_ID_ from ACT_HI_TASKINST T where T.ASSIGNEE_ = 'user042' union select O.ROOT_PROC_INST_ID_ from ACT_HI_OP_LOG O where O.USER_ID_ = 'user042');
rollback;
