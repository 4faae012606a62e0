-- Task queries read a user's tasks through the identity links (vn.qcdc.identity.CandidateTaskVisibility):
-- an assignee is a candidate user of the task. Tasks assigned before that rule get their link here.
insert into ACT_RU_IDENTITYLINK (ID_, REV_, GROUP_ID_, TYPE_, USER_ID_, TASK_ID_, PROC_DEF_ID_, TENANT_ID_)
select 'qcdc-assignee-' || T.ID_, 1, null, 'candidate', T.ASSIGNEE_, T.ID_, null, T.TENANT_ID_
from ACT_RU_TASK T
where T.ASSIGNEE_ is not null
  and not exists (select 1 from ACT_RU_IDENTITYLINK I
                  where I.TASK_ID_ = T.ID_ and I.TYPE_ = 'candidate' and I.USER_ID_ = T.ASSIGNEE_);

-- The job executor acquires by due date (jobExecutorAcquireByDueDate, ensureJobDueDateNotNull): every
-- open task's overdue timer waits in ACT_RU_JOB, and without this index each acquisition reads them all.
-- Jobs written before ensureJobDueDateNotNull have no due date and would never be acquired again.
update ACT_RU_JOB set DUEDATE_ = CURRENT_TIMESTAMP where DUEDATE_ is null;
create index qcdc_act_ru_job_due on ACT_RU_JOB (DUEDATE_);
