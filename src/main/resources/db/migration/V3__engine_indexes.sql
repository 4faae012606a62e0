-- The engine looks up subtasks on every task completion and the column has no index of its own:
-- at 100k open tasks that is a sequential scan per completion (see ARCHITECTURE.md).
create index qcdc_act_ru_task_parent on ACT_RU_TASK (PARENT_TASK_ID_);
