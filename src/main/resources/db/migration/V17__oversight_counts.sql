-- Open tasks per unit, due day and assigned-or-not, kept with oversight_task (BoardCounters): the
-- board's bucket counts and its first page's total read these few thousand rows instead of every open
-- task of a province. Tasks without a due date count on 9999-12-31.
create table oversight_unit_count (
    unit_code varchar(40) not null,
    due_day   date        not null,
    assigned  boolean     not null,
    n         bigint      not null,
    primary key (unit_code, due_day, assigned)
);
insert into oversight_unit_count (unit_code, due_day, assigned, n)
select unit_code, due_day, assigned, count(*) from (
    select unit_code, coalesce(cast(due_at as date), date '9999-12-31') due_day,
           case when assignee is null then false else true end assigned
    from oversight_task where unit_code is not null) t
group by unit_code, due_day, assigned;

-- the board's first page over a whole province: walk the open tasks by due date and stop at a page
create index oversight_task_due on oversight_task (due_at, task_id);
