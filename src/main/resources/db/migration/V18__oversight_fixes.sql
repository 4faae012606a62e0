-- A level whose rule names no unit (above the top of the tree) is recorded as told to no one, so that
-- the sweep does not read it again every ten minutes.
alter table oversight_notification alter column unit_code drop not null;
alter table oversight_notification alter column role drop not null;

-- A follow-up task finds its process instance's late step, and the board's code search matches a
-- process instance id, by this index; without it both read every open task.
create index oversight_task_instance on oversight_task (process_instance_id);

-- A denunciation's title is the denouncer's own words (it may name them): the board, its exports and
-- its mails never carry it.
update oversight_task set title = null where kind = 'DENUNCIATION';
